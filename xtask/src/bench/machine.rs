//! Where and on what `cargo xtask bench` took its figures: time, commit, cores, load average
//! before and after, and the versions of rustc, Chromium and node.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::tools::{Tools, CHROMIUM};

/// Where and on what the figures were taken.
pub(super) struct Machine {
    pub(super) when: String,
    pub(super) commit: String,
    pub(super) cores: usize,
    pub(super) load_before: String,
    pub(super) load_after: String,
    pub(super) rustc: String,
    pub(super) chromium: String,
    pub(super) node: String,
}

pub(super) fn machine(tools: &Tools, load_before: String) -> Machine {
    let probe = |program: &str, args: &[&str]| {
        tools
            .command(program, args)
            .probe()
            .map(|s| s.trim().to_owned())
            .unwrap_or_else(|| "unknown".into())
    };
    let mut commit = probe("git", &["rev-parse", "--short=12", "HEAD"]);
    if tools
        .command("git", &["status", "--porcelain"])
        .probe()
        .is_some_and(|s| !s.trim().is_empty())
    {
        commit.push_str(" (with uncommitted changes)");
    }
    Machine {
        when: utc_now(),
        commit,
        cores: std::thread::available_parallelism().map_or(0, |n| n.get()),
        load_before,
        load_after: load_average(),
        rustc: probe("rustc", &["--version"]),
        chromium: probe(CHROMIUM, &["--version"]),
        node: probe("node", &["--version"]),
    }
}

/// The 1, 5 and 15 minute load averages, from /proc/loadavg.
pub(super) fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "unknown".into())
}

/// `YYYY-MM-DDTHH:MM:SSZ` from the system clock.
fn utc_now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let rest = secs % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_the_time() {
        assert_eq!(utc_now().len(), 20);
    }
}

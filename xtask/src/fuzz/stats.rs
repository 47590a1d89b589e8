//! What libFuzzer prints, read: which lines to show live, and the run's final figures.

/// How one target's run went.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Stats {
    pub(super) executions: u64,
    pub(super) exec_per_second: u64,
    pub(super) seconds: u64,
}

/// libFuzzer's lines worth showing live: its periodic `pulse`, the end, and any trouble (its
/// `NEW` and `REDUCE` lines, many a second, and its suggested dictionary are only kept).
pub(super) fn progress_line(line: &str) -> bool {
    let event = line.split_whitespace().nth(1).unwrap_or_default();
    !(event == "NEW"
        || event == "REDUCE"
        || line.starts_with("INFO:")
        || line.contains("# Uses: ")
        || line.contains("recommended dictionary"))
}

/// Executions, exec/s and seconds from libFuzzer's final report: `stat::` lines (with
/// `-print_final_stats=1`), `#N DONE ... exec/s: M`, `Done N runs in S second(s)`, or at least
/// the last `#N` status line.
pub(super) fn parse_stats(output: &str) -> Stats {
    let mut s = Stats::default();
    for line in output.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("stat::number_of_executed_units:") {
            s.executions = rest.trim().parse().unwrap_or(s.executions);
        } else if let Some(rest) = line.strip_prefix("stat::average_exec_per_sec:") {
            s.exec_per_second = rest.trim().parse().unwrap_or(s.exec_per_second);
        } else if let Some(rest) = line.strip_prefix("Done ") {
            // `Done 146406 runs in 16 second(s)`
            let words: Vec<&str> = rest.split_whitespace().collect();
            if let (Some(n), Some(secs)) = (words.first(), words.get(3)) {
                s.executions = n.parse().unwrap_or(s.executions);
                s.seconds = secs.parse().unwrap_or(s.seconds);
            }
        } else if let Some(rest) = line.strip_prefix('#') {
            // `#146406  DONE   cov: 987 ... exec/s: 9150 rss: 31Mb` or a `pulse` line.
            let mut words = rest.split_whitespace();
            if let Some(n) = words.next().and_then(|n| n.parse::<u64>().ok()) {
                s.executions = s.executions.max(n);
            }
            if let Some(at) = line.find("exec/s: ") {
                if let Some(v) = line[at + 8..]
                    .split_whitespace()
                    .next()
                    .and_then(|v| v.parse().ok())
                {
                    s.exec_per_second = v;
                }
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_stats_are_read_from_libfuzzer_output() {
        let out = "#2048\tpulse  cov: 1148 ft: 1475 corp: 75/274b lim: 6 exec/s: 120 rss: 470Mb\n\
                   #146406\tDONE   cov: 987 ft: 3066 corp: 705/34Kb lim: 210 exec/s: 9150 rss: 31Mb\n\
                   Done 146406 runs in 16 second(s)\n\
                   stat::number_of_executed_units: 146406\n\
                   stat::average_exec_per_sec:     9150\n";
        assert_eq!(
            parse_stats(out),
            Stats {
                executions: 146_406,
                exec_per_second: 9_150,
                seconds: 16
            }
        );
    }

    #[test]
    fn a_crashed_run_still_counts_its_executions() {
        let out = "#1024\tpulse  cov: 10 ft: 11 corp: 5/20b lim: 4 exec/s: 512 rss: 30Mb\n\
                   #1500\tNEW    cov: 12 ft: 13 corp: 6/24b lim: 4 exec/s: 500 rss: 30Mb L: 4/4\n\
                   ==1== ERROR: libFuzzer: deadly signal\n";
        let s = parse_stats(out);
        assert_eq!((s.executions, s.exec_per_second), (1_500, 500));
    }

    #[test]
    fn only_pulses_the_end_and_trouble_are_shown_live() {
        assert!(progress_line(
            "#2048\tpulse  cov: 1148 ft: 1475 exec/s: 120 rss: 470Mb"
        ));
        assert!(progress_line(
            "#146406\tDONE   cov: 987 ft: 3066 exec/s: 9150 rss: 31Mb"
        ));
        assert!(progress_line(
            "thread '<unnamed>' panicked at fuzz_targets/model.rs:9:5:"
        ));
        assert!(!progress_line(
            "#1839\tNEW    cov: 1144 ft: 1461 corp: 69/245b lim: 6"
        ));
        assert!(!progress_line(
            "#1832\tREDUCE cov: 1144 ft: 1460 corp: 68/240b lim: 6"
        ));
        assert!(!progress_line("\"poolfee\" # Uses: 14"));
    }
}

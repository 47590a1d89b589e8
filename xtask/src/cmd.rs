//! Running a step: a command with the tools' PATH, its name, and advice when it fails.

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

/// A command to run as one named step.
pub struct Step {
    command: Command,
    shown: String,
}

impl Step {
    /// `program args...` run at the repository root with `path` as PATH.
    pub fn new(program: &str, args: &[&str], path: &OsString) -> Self {
        let mut command = Command::new(program);
        command
            .args(args)
            .env("PATH", path)
            .current_dir(repo_root());
        Step {
            command,
            shown: format!("{program} {}", args.join(" ")),
        }
    }

    /// Sets an environment variable for the step.
    pub fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Self {
        self.command.env(key, value);
        self
    }

    /// Runs with inherited output. `what` names the step; `advice` says what to do on failure.
    pub fn run(mut self, what: &str, advice: &str) -> Result<(), String> {
        println!("\n==> {what}\n    $ {}", self.shown);
        let status = self.command.status().map_err(|e| {
            format!(
                "step '{what}' could not start `{}`: {e}. {advice}",
                self.shown
            )
        })?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("step '{what}' failed ({status}). {advice}"))
        }
    }

    /// Runs, echoing stdout while keeping it; returns (success, stdout).
    pub fn run_capturing(mut self, what: &str) -> Result<(bool, String), String> {
        println!("\n==> {what}\n    $ {}", self.shown);
        let mut child = self
            .command
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("step '{what}' could not start `{}`: {e}", self.shown))?;
        let mut kept = String::new();
        if let Some(out) = child.stdout.take() {
            let mut stdout = std::io::stdout();
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = writeln!(stdout, "{line}");
                kept.push_str(&line);
                kept.push('\n');
            }
        }
        let status = child
            .wait()
            .map_err(|e| format!("step '{what}': waiting for `{}` failed: {e}", self.shown))?;
        Ok((status.success(), kept))
    }

    /// Runs quietly and returns stdout if it succeeded (for version probes).
    pub fn probe(mut self) -> Option<String> {
        let out = self.command.stderr(Stdio::null()).output().ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

/// Cargo's target folder: `CARGO_TARGET_DIR` if set, else `target/` in the repository.
pub fn target_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"))
}

/// The workspace root (the parent of `xtask/`).
pub fn repo_root() -> std::path::PathBuf {
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

//! Which compiler cargo-fuzz runs on (an installed nightly, else stable with
//! `RUSTC_BOOTSTRAP=1`), and cargo-fuzz itself, installed when missing.

use std::path::PathBuf;
use std::process::Command;

use crate::cmd::{repo_root, Step};

/// The compiler cargo-fuzz runs on.
pub(super) enum Toolchain {
    Nightly,
    /// Stable with `RUSTC_BOOTSTRAP=1`.
    Bootstrapped,
}

impl Toolchain {
    pub(super) fn find() -> Toolchain {
        let list = Command::new("rustup")
            .args(["toolchain", "list"])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
        if list.lines().any(|l| l.starts_with("nightly")) {
            Toolchain::Nightly
        } else {
            Toolchain::Bootstrapped
        }
    }

    pub(super) fn describe(&self) -> &'static str {
        match self {
            Toolchain::Nightly => "the nightly toolchain",
            Toolchain::Bootstrapped => "the stable toolchain and RUSTC_BOOTSTRAP=1 (no nightly)",
        }
    }

    pub(super) fn plus(&self) -> &'static str {
        match self {
            Toolchain::Nightly => "+nightly ",
            Toolchain::Bootstrapped => "",
        }
    }

    /// A command line as the user would type it (from the repository root).
    pub(super) fn shown(&self, command: &str) -> String {
        match self {
            Toolchain::Nightly => command.to_owned(),
            Toolchain::Bootstrapped => format!("RUSTC_BOOTSTRAP=1 {command}"),
        }
    }

    /// `cargo [+nightly] args...`.
    pub(super) fn args<'a>(&self, args: &[&'a str]) -> Vec<&'a str> {
        let mut all: Vec<&str> = Vec::with_capacity(args.len() + 1);
        if let Toolchain::Nightly = self {
            all.push("+nightly");
        }
        all.extend_from_slice(args);
        all
    }

    /// `cargo [+nightly] args...` as a step at the repository root.
    pub(super) fn cargo(&self, args: &[&str]) -> Step {
        let step = Step::new("cargo", &self.args(args), &search_path());
        match self {
            Toolchain::Nightly => step,
            Toolchain::Bootstrapped => step.env("RUSTC_BOOTSTRAP", "1"),
        }
    }

    /// The same as a plain command (to read its stderr), and how it is shown.
    pub(super) fn command(&self, args: &[&str]) -> (Command, String) {
        let all = self.args(args);
        let mut command = Command::new("cargo");
        command
            .args(&all)
            .env("PATH", search_path())
            .current_dir(repo_root());
        if let Toolchain::Bootstrapped = self {
            command.env("RUSTC_BOOTSTRAP", "1");
        }
        let shown = self.shown(&format!("cargo {}", all.join(" ")));
        (command, shown)
    }
}

/// Installs cargo-fuzz unless `cargo fuzz` answers.
pub(super) fn ensure_cargo_fuzz() -> Result<(), String> {
    let path = search_path();
    if Step::new("cargo", &["fuzz", "--version"], &path)
        .probe()
        .is_some()
    {
        return Ok(());
    }
    let locked = Step::new("cargo", &["install", "cargo-fuzz", "--locked"], &path).run(
        "fuzz: install cargo-fuzz (a few minutes, once per machine)",
        "trying again without --locked",
    );
    match locked {
        Ok(()) => Ok(()),
        Err(e) => {
            eprintln!("{e}");
            Step::new("cargo", &["install", "cargo-fuzz"], &path).run(
                "fuzz: install cargo-fuzz without --locked",
                "check that crates.io is reachable and that a C++ compiler (g++) is installed",
            )
        }
    }
}

/// Cargo's bin folder first (where `cargo install` puts cargo-fuzz), then the inherited PATH.
pub(super) fn search_path() -> std::ffi::OsString {
    let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("/root"), PathBuf::from);
    let bin = std::env::var_os("CARGO_HOME")
        .map_or_else(|| home.join(".cargo"), PathBuf::from)
        .join("bin");
    let inherited = std::env::var_os("PATH").unwrap_or_default();
    let all = std::iter::once(bin).chain(std::env::split_paths(&inherited));
    std::env::join_paths(all).unwrap_or(inherited)
}

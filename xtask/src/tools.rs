//! Installs what the build and the tests need, once per machine, into per-user places that every
//! clone reuses: cargo's bin folder (trunk, wasm-bindgen) and `~/.cache/hashpivot` (npm binaryen
//! for wasm-opt). Chromium, ChromeDriver and Node.js come from Debian's packages when missing.
//! With everything present this costs a few version probes.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::cmd::{repo_root, Step};

/// Trunk series that works with rustc 1.95 (newer ones need 1.96).
const TRUNK_SERIES: &str = "0.21";
/// npm binaryen version whose `wasm-opt` reads current rustc output.
const BINARYEN: &str = "132.0.0";
/// Where Debian puts the browser and its driver.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// ChromeDriver, for wasm-bindgen-test.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Which groups of tools a command needs.
#[derive(Clone, Copy)]
pub struct Needs {
    /// wasm32 target, trunk, wasm-bindgen, wasm-opt.
    pub build: bool,
    /// Chromium, ChromeDriver, Node.js and the browser-test packages.
    pub browser: bool,
}

impl Needs {
    /// What `serve` and `dist` need.
    pub const BUILD: Needs = Needs {
        build: true,
        browser: false,
    };
    /// What `test` needs.
    pub const ALL: Needs = Needs {
        build: true,
        browser: true,
    };
}

/// The tools, found or installed, and the PATH that reaches them.
pub struct Tools {
    path: OsString,
}

impl Tools {
    /// Finds or installs everything in `needs`.
    pub fn ensure(needs: Needs) -> Result<Tools, String> {
        let mut tools = Tools {
            path: search_path(&[cargo_bin(), binaryen_dir().join("node_modules/.bin")]),
        };
        if needs.build {
            tools.ensure_wasm_target()?;
            tools.ensure_trunk()?;
            tools.ensure_wasm_bindgen()?;
            tools.ensure_node()?;
            tools.ensure_wasm_opt()?;
        }
        if needs.browser {
            tools.ensure_node()?;
            tools.ensure_chromium()?;
            tools.ensure_e2e_packages()?;
        }
        tools.path = search_path(&[cargo_bin(), binaryen_dir().join("node_modules/.bin")]);
        Ok(tools)
    }

    /// A step running `program` with the tools on PATH.
    pub fn command(&self, program: &str, args: &[&str]) -> Step {
        Step::new(program, args, &self.path)
    }

    fn probe(&self, program: &str, args: &[&str]) -> Option<String> {
        self.command(program, args).probe()
    }

    fn ensure_wasm_target(&self) -> Result<(), String> {
        let installed = self
            .probe("rustup", &["target", "list", "--installed"])
            .unwrap_or_default();
        if installed
            .lines()
            .any(|l| l.trim() == "wasm32-unknown-unknown")
        {
            return Ok(());
        }
        self.command("rustup", &["target", "add", "wasm32-unknown-unknown"])
            .run(
                "setup: add the wasm32-unknown-unknown target",
                "run `rustup target add wasm32-unknown-unknown` by hand and look at its message",
            )
    }

    fn ensure_trunk(&self) -> Result<(), String> {
        let version = self.probe("trunk", &["--version"]).unwrap_or_default();
        if version.starts_with(&format!("trunk {TRUNK_SERIES}.")) {
            return Ok(());
        }
        let wanted = format!("~{TRUNK_SERIES}");
        self.command(
            "cargo",
            &["install", "trunk", "--version", &wanted, "--locked"],
        )
        .run(
            "setup: install Trunk 0.21 (about 13 minutes on 2 cores, once per machine)",
            "check that crates.io is reachable and that a C compiler (gcc) is installed",
        )
    }

    fn ensure_wasm_bindgen(&self) -> Result<(), String> {
        let pinned = pinned_wasm_bindgen()?;
        let version = self
            .probe("wasm-bindgen", &["--version"])
            .unwrap_or_default();
        let runner = self
            .probe("wasm-bindgen-test-runner", &["--version"])
            .unwrap_or_default();
        let want = pinned.clone();
        if version.split_whitespace().nth(1) == Some(want.as_str())
            && runner.split_whitespace().nth(1) == Some(want.as_str())
        {
            return Ok(());
        }
        // Not --locked: one of its locked dependencies is missing from the registry mirror.
        let exact = format!("={pinned}");
        self.command(
            "cargo",
            &[
                "install",
                "wasm-bindgen-cli",
                "--version",
                &exact,
                "--force",
            ],
        )
        .run(
            &format!("setup: install wasm-bindgen-cli {pinned} (equal to the pinned crate)"),
            "check that crates.io is reachable",
        )
    }

    fn ensure_node(&self) -> Result<(), String> {
        if self.probe("node", &["--version"]).is_some()
            && self.probe("npm", &["--version"]).is_some()
        {
            return Ok(());
        }
        apt_install(&["nodejs", "npm"], &self.path)
    }

    fn ensure_wasm_opt(&self) -> Result<(), String> {
        let dir = binaryen_dir();
        let bin = dir.join("node_modules/.bin/wasm-opt");
        let version = self
            .probe(&bin.to_string_lossy(), &["--version"])
            .unwrap_or_default();
        if version.contains("version_132") || version.contains("version 132") {
            return Ok(());
        }
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("setup: cannot create {}: {e}", dir.display()))?;
        let prefix = dir.to_string_lossy().into_owned();
        let package = format!("binaryen@{BINARYEN}");
        self.command(
            "npm",
            &[
                "install",
                "--prefix",
                &prefix,
                "--no-audit",
                "--no-fund",
                &package,
            ],
        )
        .run(
            "setup: install wasm-opt (npm binaryen@132) under ~/.cache/hashpivot",
            "check that the npm registry is reachable (`npm view binaryen@132 version`)",
        )
    }

    fn ensure_chromium(&self) -> Result<(), String> {
        if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
            return Ok(());
        }
        apt_install(&["chromium", "chromium-driver"], &self.path)
    }

    fn ensure_e2e_packages(&self) -> Result<(), String> {
        let e2e = repo_root().join("tests/e2e");
        let lock = e2e.join("package-lock.json");
        let installed = e2e.join("node_modules/.package-lock.json");
        let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        if matches!((modified(&lock), modified(&installed)), (Some(l), Some(i)) if i >= l) {
            return Ok(());
        }
        self.command(
            "npm",
            &["ci", "--prefix", "tests/e2e", "--no-audit", "--no-fund"],
        )
        .run(
            "setup: install the browser-test packages (npm ci in tests/e2e)",
            "check that the npm registry is reachable",
        )
    }
}

/// Installs Debian packages, as root or through password-less sudo.
fn apt_install(packages: &[&str], path: &OsString) -> Result<(), String> {
    let is_root = Step::new("id", &["-u"], path)
        .probe()
        .is_some_and(|u| u.trim() == "0");
    let sudo_ok = !is_root && Step::new("sudo", &["-n", "true"], path).probe().is_some();
    let list = packages.join(" ");
    if !is_root && !sudo_ok {
        return Err(format!(
            "setup: {list} missing; install them with `sudo apt-get install -y {list}` and run again"
        ));
    }
    let run = |args: &[&str], what: &str| {
        let (program, args): (&str, Vec<&str>) = if is_root {
            ("apt-get", args.to_vec())
        } else {
            ("sudo", [&["-n", "apt-get"], args].concat())
        };
        Step::new(program, &args, path)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .run(what, &format!("install by hand: apt-get install -y {list}"))
    };
    run(&["update", "-qq"], "setup: apt-get update")?;
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend_from_slice(packages);
    run(&args, &format!("setup: apt-get install {list}"))
}

/// The exact wasm-bindgen version in Cargo.lock, checked against Trunk.toml's pin.
fn pinned_wasm_bindgen() -> Result<String, String> {
    let root = repo_root();
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("setup: cannot read Cargo.lock: {e}"))?;
    let locked = lock
        .split("[[package]]")
        .find(|p| p.contains("\nname = \"wasm-bindgen\"\n"))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = \"")))
        .map(|v| v.trim_end_matches('"').to_owned())
        .ok_or("setup: Cargo.lock has no wasm-bindgen package")?;
    let trunk = std::fs::read_to_string(root.join("Trunk.toml"))
        .map_err(|e| format!("setup: cannot read Trunk.toml: {e}"))?;
    let pinned_line = format!("wasm_bindgen = \"{locked}\"");
    if !trunk.lines().any(|l| l.trim() == pinned_line) {
        return Err(format!(
            "setup: Trunk.toml must say `{pinned_line}` under [tools] to match Cargo.lock"
        ));
    }
    Ok(locked)
}

fn home() -> PathBuf {
    std::env::var_os("HOME").map_or_else(|| PathBuf::from("/root"), PathBuf::from)
}

fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map_or_else(|| home().join(".cargo"), PathBuf::from)
        .join("bin")
}

/// `~/.cache/hashpivot/binaryen-132` (or under `$XDG_CACHE_HOME`).
fn binaryen_dir() -> PathBuf {
    let cache =
        std::env::var_os("XDG_CACHE_HOME").map_or_else(|| home().join(".cache"), PathBuf::from);
    cache.join("hashpivot").join(format!("binaryen-{BINARYEN}"))
}

/// `extra` folders first, then the inherited PATH.
fn search_path(extra: &[PathBuf]) -> OsString {
    let inherited = std::env::var_os("PATH").unwrap_or_default();
    let all = extra
        .iter()
        .cloned()
        .chain(std::env::split_paths(&inherited));
    std::env::join_paths(all).unwrap_or(inherited)
}

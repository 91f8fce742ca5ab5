//! Build script: records the commit a release binary is built from, for `airdesk --version` and
//! the About box (`AIRDESK_COMMIT`, read by `src/build_info.rs`).
//!
//! - `AIRDESK_COMMIT` set in the environment wins: a build from a source tarball, or a packager
//!   that knows the commit better.
//! - Release builds ask git: the 12-digit commit, with `+modified` when the sources differ from
//!   it. Only when this crate's folder is the top of a git work tree, so a tarball unpacked inside
//!   some other repository does not take that repository's commit.
//! - Debug and test builds record `unknown` and do not watch git: watching it would rebuild the
//!   crate and relink every test binary after each commit, on a machine shared by several
//!   engineers.
//!
//! On Windows it also puts the icon into `airdesk.exe` (Explorer, the taskbar, the installer's
//! Start-menu entry), with the `winresource` crate and the Windows SDK's resource compiler.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=AIRDESK_COMMIT");
    let commit = match std::env::var("AIRDESK_COMMIT") {
        Ok(c) if !c.trim().is_empty() => c.trim().to_string(),
        _ if std::env::var("PROFILE").as_deref() == Ok("release") => {
            git_commit().unwrap_or_else(|| "unknown".into())
        }
        _ => "unknown".into(),
    };
    println!("cargo::rustc-env=AIRDESK_COMMIT={commit}");
    #[cfg(windows)]
    windows_icon();
}

/// The icon resource of `airdesk.exe` (this script runs on the build machine, so `cfg(windows)`
/// means a build on Windows, the only way the Windows recipe builds).
#[cfg(windows)]
fn windows_icon() {
    println!("cargo::rerun-if-changed=assets/icons/airdesk.ico");
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/icons/airdesk.ico");
    if let Err(e) = res.compile() {
        // No resource compiler (rc.exe comes with the Windows SDK): build on without the icon;
        // the window still shows it (it is set at run time).
        println!("cargo::warning=airdesk.exe gets no icon: {e}");
    }
}

/// The commit of the work tree this crate is the top of, and the files to watch for a change of
/// it; `None` without git or outside a work tree of its own.
fn git_commit() -> Option<String> {
    let here = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR")?);
    let top = git(&here, &["rev-parse", "--show-toplevel"])?;
    if std::fs::canonicalize(&top).ok()? != std::fs::canonicalize(&here).ok()? {
        return None;
    }
    let hash = git(&here, &["rev-parse", "--short=12", "HEAD"])?;
    // HEAD, the branch it points to (loose or packed) and the sources: a commit, a checkout or an
    // edit runs this script again.
    let mut watch = vec![git(&here, &["rev-parse", "--git-path", "HEAD"])?];
    if let Some(branch) = git(&here, &["symbolic-ref", "-q", "HEAD"]) {
        watch.extend(git(&here, &["rev-parse", "--git-path", &branch]));
    }
    watch.extend(git(&here, &["rev-parse", "--git-path", "packed-refs"]));
    const SOURCES: [&str; 6] = [
        "src",
        "assets",
        "sample-data",
        "Cargo.toml",
        "Cargo.lock",
        "build.rs",
    ];
    watch.extend(SOURCES.iter().map(|s| s.to_string()));
    for path in watch {
        let path = here.join(path);
        // A path that does not exist would make cargo run the script on every build.
        if path.exists() {
            println!("cargo::rerun-if-changed={}", path.display());
        }
    }
    let mut diff = vec!["diff", "--quiet", "HEAD", "--"];
    diff.extend(SOURCES);
    // `git diff --quiet` exits 1 when there are differences.
    let modified = Command::new("git")
        .args(&diff)
        .current_dir(&here)
        .status()
        .ok()?
        .code()
        == Some(1);
    Some(if modified {
        format!("{hash}+modified")
    } else {
        hash
    })
}

/// One line of git's output, when git ran and succeeded.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let line = text.trim();
    (out.status.success() && !line.is_empty()).then(|| line.to_string())
}

//! The read-only subcommands stop quietly when the reader closes the pipe
//! (`airdesk inspect … | head -1`) instead of panicking in `println!`.

use std::process::{Command, Stdio};

const DAY: &str = "tests/fixtures/charts/china_sites_20191206.csv";

/// Run `airdesk ARGS` with its stdout pipe closed before it writes; return status and stderr.
fn run_with_closed_stdout(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_airdesk"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the airdesk binary starts");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("airdesk finishes");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn inspect_budget_and_aqi_end_quietly_on_a_closed_pipe() {
    let cases: [&[&str]; 3] = [
        &["inspect", DAY],
        &[
            "budget",
            DAY,
            "--stations",
            "1001A",
            "--season",
            "2019-12-01..2020-03-31",
            "--baseline",
            "60",
            "--target-decrease",
            "5",
        ],
        &["aqi", DAY],
    ];
    for args in cases {
        let (status, stderr) = run_with_closed_stdout(args);
        assert_eq!(status, Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

/// A station code holding terminal escape sequences (set the window title, clear the screen) is
/// printed as visible text by the text outputs, never sent raw to the terminal (#11 item 7).
#[test]
fn terminal_escapes_from_files_are_not_printed_raw() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("hostile.csv");
    std::fs::write(
        &file,
        "date,hour,type,1001A\u{1b}]0;pwned\u{7}\u{1b}[2J\n20191206,1,PM2.5,35\n20191206,2,PM2.5,x\n",
    )
    .expect("write");
    for args in [vec!["inspect"], vec!["aqi"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_airdesk"))
            .args(&args)
            .arg(&file)
            .output()
            .expect("airdesk runs");
        for stream in [&out.stdout, &out.stderr] {
            assert!(
                !stream.contains(&0x1b) && !stream.contains(&0x07),
                "{args:?}: {}",
                String::from_utf8_lossy(stream)
            );
        }
        let all = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(all.contains("\\u{1b}"), "{args:?}: {all}");
    }
}

//! `tthc-score score --profile vn-766` (the 766 index) end to end: formats, languages, a
//! province's profile file, options, errors and exit codes.

use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_tthc-score");
const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/index-766-example.json"
);
const BANDS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/index-766-province-bands.json"
);

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn table_in_both_languages() {
    let o = run(&["score", "--profile", "vn-766", EXAMPLE]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("\tTỔNG ĐIỂM\t\t\t87,21\t100\t\n"), "{out}");
    assert!(out.contains("3.1\tTỷ lệ TTHC cung cấp DVCTT (một phần, toàn trình)\t120 / 152\t78,95\t1,97\t2\tR = 120 / 152 = 78,95 % < 80 %; điểm = R × 2 / 80 = 1,97\n"), "{out}");
    assert!(out.contains("Xếp loại: không có"));
    let o = run(&["score", "--profile", "vn-766", "--lang", "en", EXAMPLE]);
    let out = stdout(&o);
    assert!(out.contains("\tTOTAL\t\t\t87.21\t100\t\n"), "{out}");
    assert!(out.contains("denominator 0 (0/0) → full 6 points"));
}

#[test]
fn other_formats() {
    let o = run(&["score", "--profile", "vn-766", "--format", "json", EXAMPLE]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["model"], "ratioIndex");
    assert_eq!(v["total"]["points"], "87.21");
    assert_eq!(v["groups"][0]["points"], "17.54");
    let md = stdout(&run(&[
        "score",
        "--profile",
        "vn-766",
        "--format",
        "markdown",
        EXAMPLE,
    ]));
    assert!(
        md.contains("|  | TỔNG ĐIỂM |  |  | 87,21 | 100 |  |"),
        "{md}"
    );
    let csv = stdout(&run(&[
        "score",
        "--profile",
        "vn-766",
        "--format",
        "csv",
        EXAMPLE,
    ]));
    assert!(csv.contains(",TỔNG ĐIỂM,,,\"87,21\",100,\r\n"), "{csv}");
    let html = stdout(&run(&[
        "score",
        "--profile",
        "vn-766",
        "--format",
        "html",
        EXAMPLE,
    ]));
    assert!(html.contains("<td>87,21</td>"));
    let o = run(&["score", "--profile", "vn-766", "--format", "xlsx", EXAMPLE]);
    assert_eq!(o.status.code(), Some(3));
}

#[test]
fn a_profile_file_with_bands_and_an_option() {
    let o = run(&["score", "--profile-file", BANDS, EXAMPLE]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Xếp loại: Tốt"));
    let o = run(&[
        "score",
        "--profile",
        "vn-766",
        "--set",
        "zeroDenominator=notApplicable",
        "--format",
        "json",
        EXAMPLE,
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // 4.6 (0 / 0) is excluded: the maximum is 98.
    assert_eq!(v["total"]["applicableMaximum"], "98");
    let o = run(&[
        "score",
        "--profile",
        "vn-766",
        "--set",
        "levelSource=facts",
        EXAMPLE,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("error[UNKNOWN_INTERPRETATION]"));
}

#[test]
fn invalid_input_exits_2_with_code_and_path() {
    let dir = std::env::temp_dir().join(format!("tthc-766-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    let text = std::fs::read_to_string(EXAMPLE).unwrap().replace(
        "\"numerator\": 11, \"denominator\": 12",
        "\"numerator\": 13, \"denominator\": 12",
    );
    std::fs::write(&bad, text).unwrap();
    let o = run(&["score", "--profile", "vn-766", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(
        err.contains("error[NUMERATOR_EXCEEDS_DENOMINATOR] indicators.1.2.numerator:"),
        "{err}"
    );
    // A bad profile file: its code and path.
    let profile = dir.join("profile.json");
    let text = std::fs::read_to_string(BANDS).unwrap().replacen(
        "\"maximum\": \"100\"",
        "\"maximum\": \"99\"",
        1,
    );
    std::fs::write(&profile, text).unwrap();
    let o = run(&[
        "score",
        "--profile-file",
        profile.to_str().unwrap(),
        EXAMPLE,
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(err.contains("error[MAXIMA_MISMATCH] maximum:"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn other_commands_refuse_the_766_profile() {
    let o = run(&["audit", "--profile", "vn-766", EXAMPLE]);
    assert_eq!(o.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&o.stderr).contains("only `score` takes it"));
}

#[test]
fn profiles_list_and_show() {
    let list = stdout(&run(&["profiles"]));
    assert!(list.contains("vn-766\t"));
    let o = run(&["profiles", "show", "vn-766"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["model"], "ratioIndex");
    assert_eq!(v["groups"].as_array().unwrap().len(), 5);
}

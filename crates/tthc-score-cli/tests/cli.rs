//! The `tthc-score` binary end to end: outputs and exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_tthc-score");
const DISTRICT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/dien-bien-2021-q2-district.json"
);
const COMMUNE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/dien-bien-2021-q2-commune.json"
);

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn score_table_on_the_seed() {
    let o = run(&["score", DISTRICT]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("\tTỔNG ĐIỂM\t18,0\t\t16,74\t\n"));
    assert!(out.contains("Xếp loại: Xuất sắc (16,74/18,0 điểm)"));
    assert!(stderr(&o).contains("error[DECLARED_LEVEL_CONTRADICTED] perUnit.onlineServices.level"));
}

#[test]
fn score_formats_and_languages() {
    let o = run(&["score", DISTRICT, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["total"]["value"], "16.74");
    assert_eq!(v["indicators"][0]["exact"], "1.9125441696113074204946996");
    assert_eq!(v["indicators"][0]["numerator"], 2165);
    let o = run(&[
        "score",
        DISTRICT,
        "--profile",
        "tt01-2018",
        "--lang",
        "en",
        "--format",
        "csv",
    ]);
    assert!(stdout(&o).contains(",TOTAL SCORE,18.0,,16.7,\r\n"));
    let o = run(&["score", DISTRICT, "--format", "markdown"]);
    assert!(stdout(&o).contains("| **TỔNG ĐIỂM** |"));
    let o = run(&[
        "score",
        DISTRICT,
        "--format",
        "html",
        "--set",
        "levelSource=facts",
    ]);
    assert!(stdout(&o).contains("<td class=\"num\">15,74</td>"));
}

#[test]
fn score_from_stdin() {
    let mut child = Command::new(BIN)
        .args(["score", "-", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let text = std::fs::read(COMMUNE).unwrap();
    child.stdin.take().unwrap().write_all(&text).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["total"]["display"]["vi"], "15,74");
}

#[test]
fn audit_exit_codes() {
    let o = run(&["audit", COMMUNE]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("error[RECEIVED_BREAKDOWN_MISMATCH] dossiers.received"));
    assert!(out.contains("2 error(s), 0 warning(s), 0 info; total 15,74 / 18,0"));
    let o = run(&["audit", DISTRICT, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["code"], "DECLARED_LEVEL_CONTRADICTED");
    assert_eq!(v[0]["severity"], "error");
}

#[test]
fn invalid_input_exit_code_2() {
    let dir = std::env::temp_dir().join(format!("tthc-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    let text = std::fs::read_to_string(DISTRICT)
        .unwrap()
        .replace("\"onTime\": 99", "\"onTime\": -99");
    std::fs::write(&bad, text).unwrap();
    let o = run(&["score", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o)
            .contains("error[COUNT_NEGATIVE] dossiers.resolved.onTime: Số lượng không được âm"),
        "{}",
        stderr(&o)
    );
    let o = run(&["score", bad.to_str().unwrap(), "--lang", "en"]);
    assert!(stderr(&o).contains(
        "error[COUNT_NEGATIVE] dossiers.resolved.onTime: count must not be negative, got -99"
    ));
    assert!(o.stdout.is_empty());
}

#[test]
fn usage_and_read_errors() {
    assert_eq!(run(&["score"]).status.code(), Some(3));
    assert_eq!(run(&["frobnicate", DISTRICT]).status.code(), Some(3));
    assert_eq!(
        run(&["score", DISTRICT, "--format", "pdf"]).status.code(),
        Some(3)
    );
    assert_eq!(run(&["score", "/nonexistent.json"]).status.code(), Some(4));
    let o = run(&["score", DISTRICT, "--profile", "hanoi"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("error[UNKNOWN_PROFILE] profile"));
    let o = run(&["score", DISTRICT, "--set", "levelSource=guess"]);
    assert!(stderr(&o).contains("UNKNOWN_INTERPRETATION"));
    assert_eq!(run(&["--help"]).status.code(), Some(0));
}

#[test]
fn profiles_list_and_show() {
    let o = run(&["profiles"]);
    assert_eq!(stdout(&o), "dien-bien-2019 (default)\tĐiện Biên (Quyết định 1187/QĐ-UBND ngày 13/11/2019)\ntt01-2018\tToàn quốc (Thông tư 01/2018/TT-VPCP)\n");
    let o = run(&["profiles", "show", "tt01-2018"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["validFrom"], "2019-01-06");
    assert_eq!(v["validUntil"], "2025-06-30");
    assert_eq!(v["rounding"]["indicatorDecimals"], 1);
    assert_eq!(v["order"][4], "oneStop");
}

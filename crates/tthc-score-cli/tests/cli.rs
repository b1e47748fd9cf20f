//! The `tthc-score` binary end to end: outputs and exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_tthc-score");
/// A file under the repository's `examples/`.
macro_rules! example {
    ($name:literal) => {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/", $name)
    };
}

const DISTRICT: &str = example!("dien-bien-2021-q2-district.json");
const COMMUNE: &str = example!("dien-bien-2021-q2-commune.json");

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
    assert!(out.ends_with("\n2 lỗi, 0 cảnh báo, 0 thông tin; tổng điểm 15,74 / 18,0\n"));
    let en = stdout(&run(&["audit", COMMUNE, "--lang", "en"]));
    assert!(
        en.ends_with("\n2 error(s), 0 warning(s), 0 info; total 15.74 / 18.0\n"),
        "{en}"
    );
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
fn usage_errors_have_a_code_and_the_language_asked_for() {
    let o = run(&["score", "--bogus", "x", DISTRICT]);
    assert_eq!(o.status.code(), Some(3));
    let err = stderr(&o);
    assert!(
        err.starts_with(
            "error[USAGE] tùy chọn hoặc đối số không có — unexpected argument '--bogus'"
        ),
        "{err}"
    );
    let o = run(&["score", "--lang", "en", "--format", "xml", DISTRICT]);
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stderr(&o).starts_with("error[USAGE] invalid value 'xml' for '--format"),
        "{}",
        stderr(&o)
    );
    let o = run(&["tally", DOSSIERS]);
    assert!(stderr(&o).starts_with("error[USAGE] thiếu tùy chọn"));
    let o = run(&["score", "--lang=en", "--bogus", DISTRICT]);
    assert!(
        stderr(&o).starts_with("error[USAGE] unexpected argument '--bogus'"),
        "{}",
        stderr(&o)
    );
    let o = run(&["profiles", "show"]);
    assert_eq!(
        stderr(&o),
        "error[USAGE] cách dùng: profiles [list|show ID]\n"
    );
    // The system's reason for a file that cannot be read, in Vietnamese first.
    let o = run(&["score", "/nonexistent.json"]);
    assert!(
        stderr(&o).contains("/nonexistent.json: không có tệp hoặc thư mục này — "),
        "{}",
        stderr(&o)
    );
    // An unknown profile's message names the 766 index's too (score takes it).
    let o = run(&["score", DISTRICT, "--profile", "hanoi", "--lang", "en"]);
    assert!(
        stderr(&o).contains("built-in profiles: dien-bien-2019, tt01-2018; the 766 index (score, tally --index766): vn-766"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn profiles_list_and_show() {
    let o = run(&["profiles"]);
    assert_eq!(stdout(&o), "dien-bien-2019 (default)\tĐiện Biên (Quyết định 1187/QĐ-UBND ngày 13/11/2019)\ntt01-2018\tToàn quốc (Thông tư 01/2018/TT-VPCP)\nvn-766\tBộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)\n");
    let o = run(&["profiles", "show", "tt01-2018"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["validFrom"], "2019-01-06");
    assert_eq!(v["validUntil"], "2025-06-30");
    assert_eq!(v["rounding"]["indicatorDecimals"], 1);
    assert_eq!(v["order"][4], "oneStop");
}

const DOSSIERS: &str = example!("dossiers-2021-q2.csv");
const FACTS: &str = example!("unit-facts-2021-q2.json");

fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("tthc-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn tally_reports_one_input_per_unit() {
    let o = run(&["tally", DOSSIERS, "--period", "2021-Q2"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let units: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["unit"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(units, ["UBND xã Noong Luống", "UBND xã Thanh Xương"]);
    let r = &v[0]["dossiers"];
    let received =
        r["received"]["online"].as_u64().unwrap() + r["received"]["direct"].as_u64().unwrap();
    assert!(received > 200, "{r}");
    assert!(
        stderr(&o).contains("800 dòng: 697 được tính, 103 ngoài kỳ, 0 bị loại; 2 đơn vị"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("warning[DUE_DATE_MISMATCH]"));
    // Each report input scores as it is.
    let report = serde_json::to_string(&v[1]).unwrap();
    let file = temp("unit.json", &report);
    assert_eq!(
        run(&["score", &file, "--format", "json"]).status.code(),
        Some(0)
    );
}

#[test]
fn tally_scores_with_unit_facts() {
    let o = run(&[
        "tally",
        DOSSIERS,
        "--period",
        "2021-Q2",
        "--unit-facts",
        FACTS,
        "--score",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(
        v[1]["unit"]["organization"],
        "UBND xã Thanh Xương, huyện Điện Biên"
    );
    assert_eq!(v[1]["total"]["applicable"], 9);
    let o = run(&[
        "tally",
        DOSSIERS,
        "--period",
        "2021-Q2",
        "--unit-facts",
        FACTS,
        "--format",
        "markdown",
        "--lang",
        "en",
    ]);
    let out = stdout(&o);
    assert_eq!(out.matches("| **TOTAL SCORE** |").count(), 2, "{out}");
}

#[test]
fn tally_rejects_rows_and_files() {
    let csv = "id,unit,channel,received_at,time_limit_days,resolved_at\n\
               A1,Xã A,direct,2021-06-07T09:00,1,2021-06-08\n\
               A2,Xã A,fax,2021-06-07T09:00,1,2021-06-08\n\
               A3,Xã A,direct,07/06/2021 09:00,1,\n";
    let f = temp("rows.csv", csv);
    let o = run(&["tally", &f, "--period", "2021-Q2", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("rejected[VALUE_UNKNOWN] row 3 (A2): channel: channel must be one of online, direct, post, got \"fax\""), "{err}");
    assert!(
        err.contains("rejected[DATE_TIME_INVALID] row 4 (A3): received_at:"),
        "{err}"
    );
    assert!(
        err.contains("3 rows: 1 counted, 0 outside the period, 2 rejected; 1 unit"),
        "{err}"
    );
    let f = temp("nocol.csv", "unit,received_at\nXã A,2021-06-07T09:00\n");
    let o = run(&["tally", &f, "--period", "2021-Q2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "error[COLUMN_MISSING] csv: Thiếu cột bắt buộc: channel; time_limit_days hoặc due_date"
        ),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        run(&["tally", DOSSIERS, "--period", "2021-Q5"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["tally", DOSSIERS]).status.code(), Some(3));
    assert_eq!(
        run(&["tally", "/nonexistent.csv", "--period", "2021"])
            .status
            .code(),
        Some(4)
    );
}

#[test]
fn tally_policies_assumptions_and_stdin() {
    let csv = "unit,channel,received_at,time_limit_days,resolved_at\n\
               Xã A,direct,2021-06-07T15:30,0,2021-06-08\n";
    let f = temp("cut.csv", csv);
    let resolved = |args: &[&str]| {
        let mut a = vec!["tally", f.as_str(), "--period", "2021-Q2"];
        a.extend_from_slice(args);
        let o = run(&a);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v[0]["dossiers"]["resolved"].clone()
    };
    // The 15:00 cut-off moves the same-day procedure to Tuesday: on time; without it, late.
    assert_eq!(resolved(&[])["onTime"], 1);
    assert_eq!(resolved(&["--cutoff", "none"])["late"], 1);
    assert_eq!(resolved(&["--set", "cutoff=none"])["late"], 1);
    // Contacts are unknown without the column, unless assumed.
    let o = run(&["tally", &f, "--period", "2021-Q2", "--assume", "contacts=0"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["perDossier"]["contacts"]["two"], 1);
    assert!(
        run(&["tally", &f, "--period", "2021-Q2", "--assume", "contacts=x"])
            .status
            .code()
            == Some(2)
    );
    // A province makes Monday 07/06 a day off: the dossier counts from Tuesday.
    let cal = temp("cal.json", r#"{"daysOff": ["2021-06-07"]}"#);
    assert_eq!(
        resolved(&["--calendar", &cal, "--cutoff", "none"])["onTime"],
        1
    );
    // An office open until 17:30 (a flag, or the calendar file) takes Monday 17:15 that
    // afternoon: + 1 day → due Tuesday, resolved Wednesday → late; at 17:00 it is on time.
    let late = temp(
        "close.csv",
        "unit,channel,received_at,time_limit_days,resolved_at\n\
         Xã A,direct,2021-06-07T17:15,1,2021-06-09\n",
    );
    let grade = |args: &[&str]| {
        let mut a = vec!["tally", late.as_str(), "--period", "2021-Q2"];
        a.extend_from_slice(args);
        let v: serde_json::Value = serde_json::from_slice(&run(&a).stdout).unwrap();
        v[0]["dossiers"]["resolved"].clone()
    };
    assert_eq!(grade(&[])["onTime"], 1);
    assert_eq!(grade(&["--close", "17:30"])["late"], 1);
    let at_1730 = temp("close.json", r#"{"close": "17:30"}"#);
    assert_eq!(grade(&["--calendar", &at_1730])["late"], 1);
    // The flag wins over the file.
    assert_eq!(
        grade(&["--calendar", &at_1730, "--close", "17:15"])["onTime"],
        1
    );
    // A bad close in the file is placed as in the JSON APIs' options.
    let at_11 = temp("close-11.json", r#"{"close": "11:00"}"#);
    let o = run(&["tally", &late, "--period", "2021-Q2", "--calendar", &at_11]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("INVALID_VALUE] calendar.close"),
        "{}",
        stderr(&o)
    );
    for bad in ["12:00", "17h30", "24:00"] {
        let o = run(&["tally", &late, "--period", "2021-Q2", "--close", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(String::from_utf8_lossy(&o.stderr).contains("INVALID_VALUE"));
    }
    let mut child = Command::new(BIN)
        .args(["tally", "-", "--period", "2021-Q2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(csv.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn help_per_command_and_completions() {
    let o = run(&["tally", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("--unit-facts <FILE>"));
    let o = run(&["completions", "bash"]);
    assert!(stdout(&o).contains("tally"));
}

#[test]
fn batch_keeps_every_outcome_in_order_and_ranks_the_units() {
    let bad = temp("bad.json", r#"{"period": {"year": 2021, "quarter": 2}}"#);
    let o = run(&["batch", DISTRICT, &bad, COMMUNE]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("3 báo cáo: 2 được chấm điểm, 1 có lỗi"),
        "{}",
        stderr(&o)
    );
    let o = run(&["batch", DISTRICT, &bad, COMMUNE, "--lang", "en"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
    assert_eq!(v[0]["scorecard"]["total"]["value"], "16.74");
    assert_eq!(v[1]["errors"][0]["code"], "MISSING_FIELD");
    assert!(v[1]["file"].as_str().unwrap().ends_with("bad.json"));
    assert_eq!(v[2]["scorecard"]["total"]["value"], "15.74");
    assert!(
        stderr(&o).contains("3 reports: 2 scored, 1 with errors"),
        "{}",
        stderr(&o)
    );
    // The same as one JSON array, as a ranked table.
    let both = format!(
        "[{}, {}]",
        std::fs::read_to_string(COMMUNE).unwrap(),
        std::fs::read_to_string(DISTRICT).unwrap()
    );
    let file = temp("both.json", &both);
    let o = run(&["batch", &file, "--format", "csv", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let t = stdout(&o);
    let district = t
        .lines()
        .position(|l| l.starts_with("1,UBND cấp huyện,Districts,1,1.91"))
        .unwrap();
    let commune = t
        .lines()
        .position(|l| l.starts_with("2,UBND cấp xã,Communes,1,1.25"))
        .unwrap();
    assert!(district < commune, "{t}");
    // A file that is not JSON, or not UTF-8, is that file's error: the others are scored.
    let broken = temp("broken.json", r#"[{"a":1,,}]"#);
    let latin1 = std::env::temp_dir().join(format!("tthc-latin1-{}.json", std::process::id()));
    std::fs::write(&latin1, b"{\"unit\": \"x\xe3\"}").unwrap();
    let o = run(&["batch", DISTRICT, &broken, latin1.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["scorecard"]["total"]["value"], "16.74");
    assert_eq!(v[1]["errors"][0]["code"], "INVALID_JSON");
    assert_eq!(v[2]["errors"][0]["code"], "NOT_UTF8");
}

#[test]
fn batch_with_a_unit_under_its_own_profile() {
    let own = format!(
        r#"{{"report": {}, "profile": "tt01-2018"}}"#,
        std::fs::read_to_string(COMMUNE).unwrap()
    );
    let file = temp("own-profile.json", &own);
    let o = run(&["batch", DISTRICT, &file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["scorecard"]["profile"], "dien-bien-2019");
    assert_eq!(v[1]["scorecard"]["profile"], "tt01-2018");
    let o = run(&["batch", DISTRICT, &file, "--format", "csv", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let t = stdout(&o);
    // A column names each unit's profile once a unit has its own.
    assert!(t.lines().any(|l| l.ends_with(",Profile")), "{t}");
    let rows: Vec<&str> = t.lines().filter(|l| l.starts_with(['1', '2'])).collect();
    assert!(rows.iter().any(|l| l.ends_with(",dien-bien-2019")), "{t}");
    assert!(rows.iter().any(|l| l.ends_with(",tt01-2018")), "{t}");
}

#[test]
fn rollup_and_a_custom_profile() {
    let o = run(&[
        "rollup", DISTRICT, COMMUNE, "--method", "mean", "--format", "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["method"], "mean");
    assert_eq!(v["total"]["value"], "16.24");
    // A province's own profile: the national one with a stricter top band.
    let p = run(&["profiles", "show", "tt01-2018"]);
    let mut profile: serde_json::Value = serde_json::from_slice(&p.stdout).unwrap();
    profile["id"] = "tinh-x-2026".into();
    profile["unitBands"][0]["min"] = "17".into();
    let file = temp("profile.json", &profile.to_string());
    let o = run(&[
        "score",
        DISTRICT,
        "--profile-file",
        &file,
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["profile"], "tinh-x-2026");
    assert_eq!(v["total"]["value"], "16.7");
    assert_eq!(v["total"]["rating"]["code"], "good");
    // A profile that fails its check is refused with the field's path.
    profile["unitBands"][0]["min"] = "1".into();
    let file = temp("bad-profile.json", &profile.to_string());
    let o = run(&["score", DISTRICT, "--profile-file", &file]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unitBands"), "{}", stderr(&o));
    assert_eq!(
        run(&[
            "score",
            DISTRICT,
            "--profile",
            "tt01-2018",
            "--profile-file",
            &file
        ])
        .status
        .code(),
        Some(3)
    );
}

#[test]
fn audit_table_reports_each_row() {
    let table = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/province/published-q2.csv"
    );
    let o = run(&[
        "audit-table",
        table,
        "--period",
        "2021-Q2",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["findings"].as_array().unwrap().len(), 7);
    assert_eq!(v["findings"][0]["code"], "TABLE_TOTAL_MISMATCH");
    assert_eq!(v["findings"][0]["facts"]["difference"], "-1.00");
    assert_eq!(v["findings"][0]["row"], 3);
    let o = run(&[
        "audit-table",
        table,
        "--period",
        "2021-Q2",
        "--format",
        "markdown",
        "--lang",
        "en",
    ]);
    assert!(
        stdout(&o).contains("| 3 | UBND huyện B | TABLE\\_TOTAL\\_MISMATCH | error |"),
        "{}",
        stdout(&o)
    );
    // The text lines in the language asked for.
    let text = |lang: &str| {
        stdout(&run(&[
            "audit-table",
            table,
            "--period",
            "2021-Q2",
            "--lang",
            lang,
        ]))
    };
    let (vi, en) = (text("vi"), text("en"));
    assert!(
        vi.starts_with("error[TABLE_TOTAL_MISMATCH] dòng 3 (UBND huyện B): "),
        "{vi}"
    );
    assert!(vi.ends_with("\n9 dòng, 7 phát hiện\n"), "{vi}");
    assert!(
        en.starts_with("error[TABLE_TOTAL_MISMATCH] row 3 (UBND huyện B): "),
        "{en}"
    );
    assert!(en.ends_with("\n9 rows, 7 findings\n"), "{en}");
}

#[test]
fn output_takes_every_format_of_every_command() {
    let dir = std::env::temp_dir().join(format!("tthc-cli-output-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let table = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/province/published-q2.csv"
    );
    for (args, file, ends) in [
        (
            vec!["audit", COMMUNE],
            "audit.txt",
            "tổng điểm 15,74 / 18,0\n",
        ),
        (
            vec!["audit", COMMUNE, "--format", "json"],
            "audit.json",
            "]\n",
        ),
        (
            vec!["tally", DOSSIERS, "--period", "2021-Q2"],
            "tally.json",
            "]\n",
        ),
        (
            vec![
                "tally", DOSSIERS, "--period", "2021-Q2", "--score", "--format", "csv",
            ],
            "tally.csv",
            "\n",
        ),
        (
            vec!["audit-table", table, "--period", "2021-Q2"],
            "table.txt",
            "9 dòng, 7 phát hiện\n",
        ),
    ] {
        let f = path(file);
        let mut all = args.clone();
        all.extend(["--output", &f]);
        let o = run(&all);
        assert!(o.stdout.is_empty(), "{args:?} printed to stdout");
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(text.len() > 20 && text.ends_with(ends), "{args:?}: {text}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn spreadsheets_go_to_a_file() {
    let dir = std::env::temp_dir().join(format!("tthc-cli-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("annex.xlsx");
    let f = file.to_string_lossy().into_owned();
    let o = run(&["score", DISTRICT, "--format", "xlsx", "--output", &f]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let bytes = std::fs::read(&file).unwrap();
    assert!(
        bytes.starts_with(b"PK") && bytes.len() > 4000,
        "{}",
        bytes.len()
    );
    let table = dir.join("table.xlsx");
    let t = table.to_string_lossy().into_owned();
    let o = run(&["batch", DISTRICT, COMMUNE, "--format", "xlsx", "-o", &t]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read(&table).unwrap().starts_with(b"PK"));
    // A report that cannot be scored: its errors, exit 1, and no workbook without it.
    let edited = |file: &str, edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        edit(&mut v);
        v.to_string()
    };
    let bad = temp(
        "bad-unit.json",
        &edited(COMMUNE, &|v| {
            v["dossiers"]["received"]["online"] = (-1).into()
        }),
    );
    let none = dir.join("none.xlsx");
    let n = none.to_string_lossy().into_owned();
    let o = run(&["batch", DISTRICT, &bad, "--format", "xlsx", "-o", &n]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Không ghi bảng tính: 1 báo cáo"),
        "{}",
        stderr(&o)
    );
    assert!(!none.exists());
    // A name longer than a spreadsheet cell: an input error (exit 2), not a usage error.
    let long = temp(
        "long-name.json",
        &edited(DISTRICT, &|v| v["unit"]["name"] = "x".repeat(32_768).into()),
    );
    let o = run(&["score", &long, "--format", "xlsx", "-o", &n]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("INVALID_VALUE"), "{}", stderr(&o));
    // Text formats can go to a file too.
    let md = dir.join("table.md");
    let m = md.to_string_lossy().into_owned();
    run(&["score", DISTRICT, "--format", "markdown", "-o", &m]);
    assert!(std::fs::read_to_string(&md).unwrap().contains("16,74"));
}

#[test]
fn repeated_ids_are_counted_across_many_chunks() {
    // 200 copies of the example's 800 rows, each copy with ids of its own (160,000 rows,
    // more than two chunks of the id check, which the CLI keeps in a temporary file), then
    // the first copy again: 800 rows repeat an earlier id.
    let text = std::fs::read_to_string(DOSSIERS).unwrap();
    let (head, rows) = text.split_once('\n').unwrap();
    let mut csv = format!("{head}\n");
    for copy in (0..200).chain(std::iter::once(0)) {
        for row in rows.lines() {
            csv.push_str(&format!("{copy}-{row}\n"));
        }
    }
    let f = temp("many.csv", &csv);
    let o = run(&["tally", &f, "--period", "2021-Q2", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Rows that repeat the id of an earlier row (each is still counted or rejected on its own): 800"),
        "{}",
        stderr(&o)
    );
    let o = run(&[
        "tally",
        &f,
        "--period",
        "2021-Q2",
        "--lang",
        "en",
        "--no-id-check",
    ]);
    assert!(!stderr(&o).contains("repeat the id"), "{}", stderr(&o));
}

/// A file saved as UTF-16 is refused as invalid input (exit 2) and named so; an input name
/// of megabytes or a line break in it gives one short line of stderr.
#[test]
fn files_not_utf8_and_names_that_would_flood_stderr() {
    let dir = std::env::temp_dir().join(format!("tthc-cli-u16-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let u16 = dir.join("u16.json");
    std::fs::write(&u16, b"\xff\xfe{\x00}\x00").unwrap();
    let o = run(&["score", u16.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("error[NOT_UTF8]") && stderr(&o).contains("UTF-16"),
        "{}",
        stderr(&o)
    );
    // `rollup` names the file, once.
    let o = run(&["rollup", u16.to_str().unwrap(), DISTRICT]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("u16.json: error[NOT_UTF8] (document): "),
        "{}",
        stderr(&o)
    );

    let long = temp(
        "long-key.json",
        &format!("{{\"{}\\nerror[FAKE] x\": 1}}", "k".repeat(200_000)),
    );
    let o = run(&["score", &long]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert_eq!(e.lines().count(), 1, "{}", &e[..e.len().min(500)]);
    assert!(e.len() < 1000, "{} bytes", e.len());
    assert!(e.starts_with("error[UNKNOWN_FIELD]"), "{e}");

    let deep = temp("deep.json", &"[".repeat(100_000));
    let o = run(&["score", &deep]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).len() < 1000, "{} bytes", stderr(&o).len());
    let _ = std::fs::remove_dir_all(&dir);
}

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
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(
        err.starts_with("error[USAGE] vn-766 là bộ chỉ số tỷ lệ (Quyết định 766): chỉ `score` và `tally --index766` dùng được"),
        "{err}"
    );
    let o = run(&["audit", "--lang", "en", "--profile", "vn-766", EXAMPLE]);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("only `score` and `tally --index766` take it")
    );
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

/// `tally --index766`: 2.1 and 3.3 from the dossiers, the other indicators from a file
/// (one object for every unit, or by unit name), per unit a 766 result.
#[test]
fn tally_feeds_the_766_index() {
    let dir = std::env::temp_dir().join(format!("tthc-766-tally-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("d.csv");
    std::fs::write(
        &csv,
        "id,unit,channel,received_at,due_date,resolved_at\n\
         1,UBND xã A,online,2026-07-06T09:00,2026-07-15,2026-07-10\n\
         2,UBND xã A,direct,2026-07-06T09:00,2026-07-15,2026-07-15\n\
         3,UBND xã A,post,2026-07-06T09:00,2026-07-15,2026-07-20\n\
         4,UBND xã A,online,2026-09-21T09:00,2026-10-15,\n\
         5,UBND xã A,direct,2026-08-03T09:00,2026-08-10,\n\
         6,UBND xã A,direct,2026-06-10T09:00,2026-07-15,2026-07-03\n\
         7,UBND xã B,online,2026-07-06T09:00,2026-07-15,2026-07-10\n\
         8,UBND xã A,direct,2026-09-25T09:00,2026-09-30,\n",
    )
    .unwrap();
    let mut example: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    let ind = example["indicators"].as_object_mut().unwrap();
    ind.remove("2.1");
    ind.remove("3.3");
    let others = serde_json::json!({ "indicators": ind });
    let all = dir.join("all.json");
    std::fs::write(&all, others.to_string()).unwrap();
    let by_unit = dir.join("by-unit.json");
    std::fs::write(
        &by_unit,
        serde_json::json!({ "UBND xã A": others }).to_string(),
    )
    .unwrap();
    let (csv, all, by_unit) = (
        csv.to_str().unwrap(),
        all.to_str().unwrap(),
        by_unit.to_str().unwrap(),
    );

    // `tally CSV --period 2026-Q3 --index766 …`.
    let tally =
        |more: &[&str]| run(&[&["tally", csv, "--period", "2026-Q3", "--index766"], more].concat());
    let o = tally(&[all, "--format", "table", "--lang", "en"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = stdout(&o);
    // 2.1: early 1, 6 + on time 2 + pending within the deadline 4 and 8 (due on the
    // period's last day: overdue in the tally's report, within the deadline for the 766
    // index), over resolved 1, 2, 3, 6 + pending 4, 5, 8. 3.3: online 1, 4 over received in
    // the period 1–5, 8.
    assert!(
        out.contains("2.1\tDossiers handled early or on time\t5 / 7\t71.43\t14.29\t20\t"),
        "{out}"
    );
    assert!(
        out.contains("3.3\tDossiers submitted online\t2 / 6\t33.33\t4.00\t6\t"),
        "{out}"
    );
    assert!(out.contains("Unit: UBND xã B"), "{out}");

    // By unit: B has no other indicators, so its result is errors and the exit code 1.
    let o = tally(&[by_unit]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["unit"], "UBND xã A");
    assert_eq!(v[0]["result"]["indicators"][4]["id"], "2.1");
    assert_eq!(v[0]["result"]["indicators"][4]["points"], "14.29");
    assert_eq!(v[1]["unit"], "UBND xã B");
    // One error that names the unit missing from the file, not one per indicator.
    assert_eq!(v[1]["errors"].as_array().unwrap().len(), 1);
    assert_eq!(v[1]["errors"][0]["code"], "MISSING_FIELD");
    assert_eq!(v[1]["errors"][0]["path"], "UBND xã B");

    // An option of neither the tally nor the index: both lists are named.
    let o = tally(&[all, "--set", "foo=bar", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("UNKNOWN_INTERPRETATION")
            && e.contains("reappointment")
            && e.contains("zeroDenominator"),
        "{e}"
    );

    // The 9-indicator profiles do not score the 766 index.
    let o = tally(&[all, "--profile", "tt01-2018"]);
    assert_eq!(o.status.code(), Some(3));
    let _ = std::fs::remove_dir_all(&dir);
}

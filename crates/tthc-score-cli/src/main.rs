//! `tthc-score`: score a report, audit it, tally dossier records, score and rank many units,
//! combine them, audit a published table, list the rule profiles.
//!
//! Exit codes: 0 success; 1 `audit` found a finding of error severity, or `tally` rejected
//! rows; 2 the input is invalid (hard errors, printed to stderr with code and path); 3
//! usage error; 4 an input file could not be read.

#![forbid(unsafe_code)]

#[cfg(unix)]
mod idstore;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::borrow::Cow;
use std::io::{BufReader, IsTerminal, Read, Write};
use std::process::ExitCode;
use tthc_score::base::plural;
use tthc_score::classify::Policy;
use tthc_score::dossier_csv::read_csv;
use tthc_score::index766::{self, CheckedIndexProfile};
use tthc_score::province::{self, RankBasis, RankOptions, RollupMethod, TiePolicy};
use tthc_score::render::{render_consolidated, render_province_table, render_table_audit};
use tthc_score::tally::{CalendarChanges, Tally, TallyOptions, TallySummary, UnitFacts};
use tthc_score::{
    parse_json, profile, render, score_with, CheckedProfile, Errors, Format,
    InterpretationOverrides, Interpretations, Lang, Localized, Options, Problem, Report, Scorecard,
    Severity,
};

/// Standard output; a closed pipe (`| head`) ends the program quietly instead of panicking.
macro_rules! outln {
    ($($t:tt)*) => {{
        if writeln!(std::io::stdout().lock(), $($t)*).is_err() {
            std::process::exit(0);
        }
    }};
}

/// As [`outln`], without the line break.
macro_rules! out {
    ($($t:tt)*) => {{
        if write!(std::io::stdout().lock(), $($t)*).is_err() {
            std::process::exit(0);
        }
    }};
}

/// Scoring of the handling of Vietnamese administrative procedures (TTHC): the nine
/// indicators of Circular 01/2018/TT-VPCP, the unit's rating, the officials' evaluation,
/// the audit of published figures, and the tally of dossier records.
#[derive(Parser)]
#[command(name = "tthc-score", version, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXIT_CODES: &str =
    "Exit codes: 0 success; 1 audit or audit-table found an error-severity finding, tally rejected rows, or batch met a report with errors; \
2 invalid input; 3 usage error; 4 an input could not be read.";

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Vi,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TableFormat {
    Table,
    Markdown,
    Html,
    Csv,
    Json,
    /// A spreadsheet (.xlsx): to --output FILE, or to standard output when it is not a
    /// terminal.
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
enum AuditFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum AuditTableFormat {
    Text,
    Json,
    Table,
    Markdown,
    Html,
    Csv,
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
enum TiesArg {
    Competition,
    Dense,
}

#[derive(Clone, Copy, ValueEnum)]
enum RankByArg {
    RatingBasis,
    Total,
}

#[derive(Clone, Copy, ValueEnum)]
enum MethodArg {
    Pooled,
    Mean,
}

#[derive(Clone, Copy, ValueEnum)]
enum CutoffArg {
    SameDay,
    All,
    None,
}

/// The options shared by the commands that score.
#[derive(clap::Args)]
struct ScoreArgs {
    /// Rule profile: dien-bien-2019 (default), tt01-2018, or vn-766 (the 100-point index of
    /// Decision 766; `score` only, the input gives each indicator's numerator and denominator).
    #[arg(long, value_name = "ID")]
    profile: Option<String>,
    /// A province's own profile (JSON, as `profiles show` prints one), checked first.
    #[arg(long, value_name = "FILE", conflicts_with = "profile")]
    profile_file: Option<String>,
    /// Language of labels, numbers and messages.
    #[arg(long, value_enum, default_value = "vi")]
    lang: LangArg,
    /// Write the output to FILE instead of standard output (xlsx needs one on a terminal).
    #[arg(long, short, value_name = "FILE")]
    output: Option<String>,
    /// Override an interpretation, e.g. --set levelSource=facts (tally: also cutoff,
    /// reappointment, agencyStep, lateAttitude, calendar).
    #[arg(long = "set", value_name = "NAME=VALUE")]
    set: Vec<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Score a report (JSON) and print its annex table; with --profile vn-766 (or a
    /// ratio-index profile file), score a 766 input and print its table.
    Score {
        /// The report, or - for standard input.
        file: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: TableFormat,
        #[command(flatten)]
        args: ScoreArgs,
    },
    /// Print the findings on a report's figures; exit 1 when one has error severity.
    Audit {
        /// The report, or - for standard input.
        file: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: AuditFormat,
        #[command(flatten)]
        args: ScoreArgs,
    },
    /// Tally a CSV of dossier records into one report per unit (dossiers.md §7).
    Tally {
        /// The CSV, or - for standard input (read as a stream).
        file: String,
        /// The period: 2021-Q2, 2021-06 or 2021.
        #[arg(long)]
        period: String,
        /// Calendar changes (JSON: {"daysOff": [...], "workingDays": [...], "close": "17:30"}).
        #[arg(long, value_name = "FILE")]
        calendar: Option<String>,
        /// The office's close (default 17:00; after 12:00): a dossier received at or after it
        /// counts from the next working day. Overrides the calendar file's "close".
        #[arg(long, value_name = "HH:MM")]
        close: Option<String>,
        /// Which procedures the 15:00 cut-off applies to.
        #[arg(long, value_enum)]
        cutoff: Option<CutoffArg>,
        /// Assume a value where the data is silent: contacts=0, agencies=none, complaint=none.
        #[arg(long, value_name = "NAME=VALUE")]
        assume: Vec<String>,
        /// Per-unit facts that complete the reports (JSON).
        #[arg(long, value_name = "FILE")]
        unit_facts: Option<String>,
        /// Print the scorecards instead of the report inputs.
        #[arg(long)]
        score: bool,
        /// Score each unit on the 766 index instead (vn-766, or a ratio-index
        /// --profile-file): 2.1 and 3.3 from the dossiers, the other indicators from FILE,
        /// either {"UNIT NAME": {"indicators": {...}}, ...} or one {"indicators": {...}}
        /// for every unit. Output: json (per unit its result or its errors) or a table format.
        #[arg(long, value_name = "FILE", conflicts_with = "score")]
        index766: Option<String>,
        /// Do not look for repeated ids (saves 8 bytes a row of temporary disk space, or of
        /// memory where no temporary file can be written).
        #[arg(long)]
        no_id_check: bool,
        /// Output format: json (the report inputs, or scorecards with --score), or one annex
        /// table per unit.
        #[arg(long, value_enum, default_value = "json")]
        format: TableFormat,
        #[command(flatten)]
        args: ScoreArgs,
    },
    /// Score many reports at once (JSON files, JSON arrays of reports, or folders of them):
    /// a result or an error per report, in input order; with a table format, the province
    /// table of the units, ranked. A report given as {"report": …, "profile": ID|{…}} is
    /// scored under that profile of its own. Exit 1 when some report has errors.
    Batch {
        /// Report files, files holding a JSON array of reports, or folders (their *.json);
        /// a report may be {"report": …, "profile": …}, under a profile of its own.
        #[arg(required = true)]
        files: Vec<String>,
        /// json: the outcome of every report; a table format: the ranked province table.
        #[arg(long, value_enum, default_value = "json")]
        format: TableFormat,
        /// How tied units rank.
        #[arg(long, value_enum, default_value = "competition")]
        ties: TiesArg,
        /// Which figure ranks the units.
        #[arg(long, value_enum, default_value = "rating-basis")]
        rank_by: RankByArg,
        #[command(flatten)]
        args: ScoreArgs,
    },
    /// Combine the reports of several units of one period (a group), or of one unit's
    /// quarters or months (a year), into one result.
    Rollup {
        /// Report files, JSON arrays of reports, or folders.
        #[arg(required = true)]
        files: Vec<String>,
        /// pooled: per-dossier indicators over all dossiers (dossier-weighted), per-unit
        /// levels averaged; mean: every indicator averaged over the parts.
        #[arg(long, value_enum, default_value = "pooled")]
        method: MethodArg,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: TableFormat,
        #[command(flatten)]
        args: ScoreArgs,
    },
    /// Check a published province table (CSV: unit, c1…c9 in the profile's order, total,
    /// rating, optional level; `,` or `;` separated; decimals with `.` or `,`). Exit 1 when
    /// a finding has error severity.
    AuditTable {
        /// The CSV, or - for standard input.
        file: String,
        /// The period of the table: 2021-Q2 or 2021-06 (per-unit indicators must then be
        /// 0, 1 or 2), or 2021 (a year: means allowed).
        #[arg(long)]
        period: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: AuditTableFormat,
        #[command(flatten)]
        args: ScoreArgs,
    },
    /// List the rule profiles, or show one as JSON.
    Profiles {
        /// `list` (default) or `show`.
        action: Option<String>,
        /// The profile to show.
        id: Option<String>,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

enum Fail {
    /// A command line that cannot run (`USAGE`, exit 3): what to change, in both languages.
    Usage(Localized),
    Read(String),
    Invalid(Errors),
}

impl From<Problem> for Fail {
    fn from(p: Problem) -> Self {
        Fail::Invalid(Errors::one(p))
    }
}

/// A file (or `-`, standard input) as text: a file that cannot be read is `READ` (exit 4),
/// one that is not UTF-8 is `NOT_UTF8` (invalid input, exit 2).
fn read_all(file: &str) -> Result<String, Fail> {
    let mut bytes = Vec::new();
    let r = if file == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(file).map(|b| bytes = b)
    };
    r.map_err(|e| io_fail(file, &e))?;
    String::from_utf8(bytes).map_err(|e| Fail::Invalid(Errors::one(not_utf8(e.as_bytes()))))
}

/// `READ` for a file that could not be read or written: the system's reason in the language
/// of stderr (the system says it in English), its own words kept after a Vietnamese one.
fn io_fail(file: &str, e: &std::io::Error) -> Fail {
    use std::io::ErrorKind as K;
    // The kinds named here are those of Rust 1.80 (the crate's rust-version).
    let vi = match e.kind() {
        _ if std::path::Path::new(file).is_dir() => "đây là một thư mục, không phải một tệp",
        K::NotFound => "không có tệp hoặc thư mục này",
        K::PermissionDenied => "không có quyền đọc hoặc ghi",
        K::AlreadyExists => "tệp đã có",
        _ => "lỗi đọc/ghi",
    };
    Fail::Read(match stderr_lang() {
        Lang::Vi => format!("{file}: {vi} — {e}"),
        Lang::En => format!("{file}: {e}"),
    })
}

/// `NOT_UTF8` for a file's `bytes`, naming UTF-16 (what Windows calls "Unicode") when its
/// byte-order mark says so.
fn not_utf8(bytes: &[u8]) -> Problem {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        Problem::new(
            tthc_score::Code::NotUtf8,
            "",
            "Tệp được lưu dạng UTF-16 (\"Unicode\"), không phải UTF-8: hãy lưu lại dạng UTF-8",
            "the file is UTF-16 (\"Unicode\"), not UTF-8: save it as UTF-8",
        )
    } else {
        Problem::new(
            tthc_score::Code::NotUtf8,
            "",
            "Tệp không phải UTF-8 (hãy lưu dạng UTF-8)",
            "the file is not UTF-8 (save it as UTF-8)",
        )
    }
}

/// Splits NAME=VALUE.
fn pair(kv: &str) -> Result<(&str, &str), Fail> {
    kv.split_once('=').ok_or_else(|| {
        Fail::Usage(Localized::new(
            format!("cần TÊN=GIÁ_TRỊ, nhận được {kv:?}"),
            format!("expected NAME=VALUE, got {kv:?}"),
        ))
    })
}

fn options(args: &ScoreArgs, policy: Option<&mut Policy>) -> Result<Options, Fail> {
    let mut overrides = InterpretationOverrides::default();
    let mut policy = policy;
    for kv in &args.set {
        let (k, v) = pair(kv)?;
        match policy.as_deref_mut() {
            Some(p) if matches!(k, "cutoff" | "reappointment" | "agencyStep" | "calendar") => {
                p.set(k, v)?
            }
            Some(p) if k == "lateAttitude" => {
                p.set(k, v)?;
                overrides.set(k, v)?;
            }
            _ => overrides.set(k, v)?,
        }
    }
    Ok(Options {
        profile: args.profile.clone().map(Into::into),
        interpretations: (!args.set.is_empty()).then_some(overrides),
    })
}

/// A built-in 9-indicator profile; an unknown id's message also names the ratio-index
/// profiles, which `score` and `tally --index766` take by the same option.
fn find_profile(id: &str) -> Result<&'static CheckedProfile, Problem> {
    profile::find(id).map_err(|p| {
        let ids = index766::index_builtin().map(|p| p.id.as_ref()).join(", ");
        let message = Localized::new(
            format!(
                "{}; chỉ số 766 (score, tally --index766): {ids}",
                p.message.vi
            ),
            format!(
                "{}; the 766 index (score, tally --index766): {ids}",
                p.message.en
            ),
        );
        Problem { message, ..p }
    })
}

/// The profile (built in or the caller's own, checked) and the interpretations in force.
struct Scoring {
    profile: Cow<'static, CheckedProfile>,
    interp: Interpretations,
    /// The `--set` overrides, for the units of a batch that bring their own profile.
    overrides: InterpretationOverrides,
}

impl Scoring {
    fn new(args: &ScoreArgs, policy: Option<&mut Policy>) -> Result<Scoring, Fail> {
        if let Some(id) = args.profile.as_deref() {
            if index766::find_index(id).is_ok() {
                return Err(Fail::Usage(Localized::new(
                    format!("{id} là bộ chỉ số tỷ lệ (Quyết định 766): chỉ `score` và `tally --index766` dùng được"),
                    format!("{id} is a ratio-index profile (Decision 766): only `score` and `tally --index766` take it"),
                )));
            }
        }
        let o = options(args, policy)?;
        let profile = match &args.profile_file {
            Some(f) => Cow::Owned(parse_json::<CheckedProfile>(&read_all(f)?)?),
            None => Cow::Borrowed(find_profile(
                args.profile.as_deref().unwrap_or(profile::DEFAULT_PROFILE),
            )?),
        };
        let overrides = o.interpretations.unwrap_or_default();
        let interp = overrides.apply(profile.interpretations);
        Ok(Scoring {
            profile,
            interp,
            overrides,
        })
    }

    fn score(&self, report: &Report) -> Result<Scorecard, Errors> {
        score_with(report, &self.profile, &self.interp)
    }
}

/// A report read from a file (or one element of a file's array), named for messages.
type Named<T> = (String, Result<T, Errors>);

/// The reports of `files`: each a report, a JSON array of reports, or a folder of them
/// (its `*.json`, in name order); each with the name it is reported under.
fn reports(files: &[String]) -> Result<Vec<Named<Report>>, Fail> {
    items(files, tthc_score::parse_report)
}

/// The items of `files` read by `read`, as [`reports`] says.
fn items<T>(
    files: &[String],
    read: impl Fn(&str) -> Result<T, Errors>,
) -> Result<Vec<Named<T>>, Fail> {
    let mut paths = Vec::new();
    for f in files {
        let p = std::path::Path::new(f);
        if p.is_dir() {
            let mut inside: Vec<String> = std::fs::read_dir(p)
                .map_err(|e| io_fail(f, &e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            inside.sort();
            paths.extend(inside);
        } else {
            paths.push(f.clone());
        }
    }
    // A file that is not UTF-8 or not JSON is that file's error: the others are still read.
    let mut out = Vec::new();
    for p in paths {
        let text = if p == "-" {
            read_all(&p)?
        } else {
            let bytes = std::fs::read(&p).map_err(|e| io_fail(&p, &e))?;
            match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => {
                    out.push((p.clone(), Err(Errors::one(not_utf8(e.as_bytes())))));
                    continue;
                }
            }
        };
        if text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('[')
        {
            match parse_json::<Vec<&serde_json::value::RawValue>>(&text) {
                Ok(items) => {
                    for (i, raw) in items.iter().enumerate() {
                        out.push((format!("{p}[{i}]"), read(raw.get())));
                    }
                }
                Err(e) => out.push((p.clone(), Err(Errors::one(e)))),
            }
        } else {
            out.push((p.clone(), read(&text)));
        }
    }
    Ok(out)
}

fn print_errors(name: &str, problems: &[Problem], lang: Lang) {
    for p in problems {
        let path = shown_path(p);
        eprintln!("{name}: error[{}] {path}: {}", p.code, p.message.get(lang));
    }
}

/// A finding's severity as its line starts (`error[CODE] …`).
fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// A problem's path as an error line names it; the whole input when it has none.
fn shown_path(p: &Problem) -> &str {
    if p.path.is_empty() {
        "(document)"
    } else {
        &p.path
    }
}

fn print_findings(card: &Scorecard, lang: Lang, out: &mut dyn Write) {
    for f in &card.findings {
        let sev = severity_word(f.severity);
        let _ = writeln!(
            out,
            "{sev}[{}] {}: {}",
            f.code.as_str(),
            f.path,
            f.message().get(lang)
        );
    }
}

fn json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    // Serializing our own types to a String cannot fail (no maps with non-string keys).
    serde_json::to_string_pretty(v).unwrap_or_default()
}

fn table_format(f: TableFormat) -> Format {
    match f {
        TableFormat::Markdown => Format::Markdown,
        TableFormat::Html => Format::Html,
        TableFormat::Csv => Format::Csv,
        TableFormat::Table | TableFormat::Json | TableFormat::Xlsx => Format::Table,
    }
}

/// Writes `sheets` as a spreadsheet to `output` (or to a standard output that is not a
/// terminal).
fn write_xlsx(sheets: &[tthc_score::render::Sheet], output: Option<&str>) -> Result<(), Fail> {
    let bytes = tthc_score_xlsx::workbook(sheets)?;
    match output {
        Some(f) => std::fs::write(f, bytes).map_err(|e| io_fail(f, &e)),
        None if std::io::stdout().is_terminal() => Err(Fail::Usage(Localized::new(
            "--format xlsx ghi một tệp nhị phân: hãy cho --output TỆP",
            "--format xlsx writes a binary file: give --output FILE",
        ))),
        None => {
            let _ = std::io::stdout().lock().write_all(&bytes);
            Ok(())
        }
    }
}

/// Text to `output`, or to standard output.
fn emit(text: &str, output: Option<&str>) -> Result<(), Fail> {
    match output {
        Some(f) => std::fs::write(f, text).map_err(|e| io_fail(f, &e)),
        None => {
            out!("{text}");
            Ok(())
        }
    }
}

/// The ratio-index profile the options name (`--profile vn-766`, or a `--profile-file`
/// whose `model` is `ratioIndex`), if they name one: scoring dispatches on the model.
fn index_profile(args: &ScoreArgs) -> Result<Option<Cow<'static, CheckedIndexProfile>>, Fail> {
    if let Some(f) = &args.profile_file {
        #[derive(serde::Deserialize)]
        struct Peek {
            model: Option<String>,
        }
        let text = read_all(f)?;
        let model = serde_json::from_str::<Peek>(text.trim_start_matches('\u{feff}'))
            .ok()
            .and_then(|p| p.model);
        if model.as_deref() == Some("ratioIndex") {
            return Ok(Some(Cow::Owned(parse_json::<CheckedIndexProfile>(&text)?)));
        }
        return Ok(None);
    }
    Ok(args
        .profile
        .as_deref()
        .and_then(|id| index766::find_index(id).ok())
        .map(Cow::Borrowed))
}

/// `score` under a ratio-index profile (Decision 766): the input gives each indicator's
/// numerator and denominator.
fn score_index_cmd(
    file: &str,
    format: TableFormat,
    args: &ScoreArgs,
    profile: &CheckedIndexProfile,
) -> Result<ExitCode, Fail> {
    let mut options = index766::IndexOptions::default();
    for kv in &args.set {
        let (k, v) = pair(kv)?;
        options.set(k, v)?;
    }
    let input: index766::IndexInput = parse_json(&read_all(file)?)?;
    let result = index766::score_index(&input, profile, &options).map_err(Fail::Invalid)?;
    let lang: Lang = args.lang.into();
    let output = args.output.as_deref();
    match format {
        TableFormat::Json => emit(&format!("{}\n", json(&result)), output)?,
        TableFormat::Xlsx => {
            return Err(Fail::Usage(Localized::new(
                "--format xlsx không dùng được cho bộ chỉ số tỷ lệ (766); hãy dùng table, markdown, html, csv hoặc json",
                "--format xlsx is not available for a ratio-index profile (766); use table, markdown, html, csv or json",
            )))
        }
        f => emit(&index766::render_index(&result, table_format(f), lang), output)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn scorecard(file: &str, s: &Scoring) -> Result<Scorecard, Fail> {
    let report: Report = parse_json(&read_all(file)?)?;
    s.score(&report).map_err(Fail::Invalid)
}

fn print_summary(s: &TallySummary, lang: Lang) {
    let n = |v: u64| tthc_score::format::count(v, lang);
    let vi = lang == Lang::Vi;
    let mut err = std::io::stderr().lock();
    for r in &s.rejected_rows {
        let id =
            r.id.as_deref()
                .map(|i| format!(" ({})", tthc_score::tally::shown_id(i)))
                .unwrap_or_default();
        let row = if vi { "dòng" } else { "row" };
        let _ = writeln!(
            err,
            "rejected[{}] {row} {}{id}: {}",
            r.code,
            r.row,
            r.message.get(lang)
        );
    }
    let more = s.rejected.saturating_sub(s.rejected_rows.len() as u64);
    if more > 0 {
        let _ = match vi {
            true => writeln!(err, "… và {} dòng bị loại khác", n(more)),
            false => writeln!(
                err,
                "… {} more rejected {}",
                n(more),
                plural(more, "row", "rows")
            ),
        };
    }
    for note in &s.notes {
        let _ = writeln!(err, "warning[{}] {}", note.code, note.message.get(lang));
    }
    let (rows, counted, outside) = (n(s.rows), n(s.counted), n(s.outside_period));
    let (rejected, units) = (n(s.rejected), n(s.units));
    let _ = match vi {
        true => writeln!(
            err,
            "{rows} dòng: {counted} được tính, {outside} ngoài kỳ, {rejected} bị loại; {units} đơn vị"
        ),
        false => writeln!(
            err,
            "{rows} {}: {counted} counted, {outside} outside the period, {rejected} rejected; {units} {}",
            plural(s.rows, "row", "rows"),
            plural(s.units, "unit", "units"),
        ),
    };
}

/// The indicators of the 766 index that dossiers cannot give, from `tally --index766`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct OtherIndicators {
    indicators: std::collections::BTreeMap<String, index766::IndicatorCounts>,
}

/// `tally --index766`: the ratio-index profile, its options, and the other indicators
/// (for every unit, or by unit name).
struct TallyIndex {
    profile: Cow<'static, CheckedIndexProfile>,
    options: index766::IndexOptions,
    all: Option<OtherIndicators>,
    by_unit: std::collections::BTreeMap<String, OtherIndicators>,
}

impl TallyIndex {
    fn new(file: &str, args: &ScoreArgs, policy: &mut Policy) -> Result<TallyIndex, Fail> {
        let profile = match index_profile(args)? {
            Some(p) => p,
            None if args.profile.is_none() && args.profile_file.is_none() => {
                Cow::Borrowed(index766::find_index(index766::VN_766_ID)?)
            }
            None => {
                return Err(Fail::Usage(Localized::new(
                    "--index766 cần một bộ chỉ số tỷ lệ (vn-766, hoặc --profile-file có model ratioIndex)",
                    "--index766 takes a ratio-index profile (vn-766, or a --profile-file whose model is ratioIndex)",
                )))
            }
        };
        let mut options = index766::IndexOptions::default();
        for kv in &args.set {
            let (k, v) = pair(kv)?;
            if matches!(
                k,
                "cutoff" | "reappointment" | "agencyStep" | "calendar" | "lateAttitude"
            ) {
                policy.set(k, v)?;
            } else if matches!(k, "zeroDenominator" | "partRounding") {
                options.set(k, v)?;
            } else {
                // Neither the tally's nor the index's: name both lists.
                return Err(Problem::new(
                    tthc_score::Code::UnknownInterpretation,
                    k,
                    format!("Lựa chọn không hợp lệ: {kv:?} (với --index766 có: cutoff, reappointment, agencyStep, calendar, lateAttitude của việc tổng hợp hồ sơ; zeroDenominator, partRounding của chỉ số 766)"),
                    format!("no such option: {kv:?} (with --index766: cutoff, reappointment, agencyStep, calendar, lateAttitude of the tally; zeroDenominator, partRounding of the 766 index)"),
                )
                .into());
            }
        }
        let text = read_all(file)?;
        let top: std::collections::BTreeMap<String, &serde_json::value::RawValue> =
            parse_json(&text)?;
        let (mut all, mut by_unit) = (None, std::collections::BTreeMap::new());
        if top.contains_key("indicators") {
            all = Some(parse_json::<OtherIndicators>(&text)?);
        } else {
            for (name, raw) in top {
                let o = parse_json::<OtherIndicators>(raw.get()).map_err(|p| p.within(&name))?;
                by_unit.insert(tthc_score::tally::normalize_name(&name).into_owned(), o);
            }
        }
        Ok(TallyIndex {
            profile,
            options,
            all,
            by_unit,
        })
    }

    /// Scores every unit; prints the results (json: per unit its result or its errors) and
    /// each unit's errors on stderr. Whether some unit has errors.
    fn run(
        &self,
        tally: &Tally,
        reports: &[Report],
        format: TableFormat,
        lang: Lang,
        out: &mut impl Write,
    ) -> Result<bool, Fail> {
        if format == TableFormat::Xlsx {
            return Err(Fail::Usage(Localized::new(
                "--format xlsx không dùng được với --index766; hãy dùng table, markdown, html, csv hoặc json",
                "--format xlsx is not available with --index766; use table, markdown, html, csv or json",
            )));
        }
        for name in self.by_unit.keys() {
            if !reports.iter().any(|r| &r.unit.name == name) {
                match lang {
                    Lang::Vi => eprintln!(
                        "warning: --index766: đơn vị {name:?} không có hồ sơ nào trong kỳ"
                    ),
                    Lang::En => {
                        eprintln!("warning: --index766: no dossiers in the period for {name:?}")
                    }
                }
            }
        }
        let mut any_errors = false;
        let mut outcomes = Vec::with_capacity(reports.len());
        for (i, r) in reports.iter().enumerate() {
            let name = &r.unit.name;
            let others = match (&self.all, self.by_unit.get(name)) {
                (_, Some(o)) | (Some(o), None) => Ok(o.indicators.clone()),
                // One error that says the unit is missing, not one per indicator.
                (None, None) => Err(Errors::one(Problem::new(
                    tthc_score::Code::MissingField,
                    name.clone(),
                    format!("Đơn vị {name:?} có hồ sơ nhưng không có trong tệp --index766 (tệp cho các chỉ số khác theo tên đơn vị)"),
                    format!("the unit {name:?} has dossiers but is not in the --index766 file (which gives the other indicators by unit name)"),
                ))),
            };
            let last_day = tally.pending_due_on_last_day(name);
            let result = others
                .and_then(|o| index766::index_input_from_report(r, last_day, o).map_err(Errors))
                .and_then(|input| index766::score_index(&input, &self.profile, &self.options));
            match result {
                Ok(res) => {
                    if format == TableFormat::Json {
                        outcomes.push(serde_json::json!({ "unit": name, "result": res }));
                    } else {
                        if i > 0 {
                            let _ = writeln!(out);
                        }
                        let _ = write!(
                            out,
                            "{}",
                            index766::render_index(&res, table_format(format), lang)
                        );
                    }
                }
                Err(e) => {
                    any_errors = true;
                    for p in &e.0 {
                        eprintln!(
                            "error[{}] {name}: {}: {}",
                            p.code,
                            p.path,
                            p.message.get(lang)
                        );
                    }
                    if format == TableFormat::Json {
                        outcomes.push(serde_json::json!({ "unit": name, "errors": e.0 }));
                    }
                }
            }
        }
        if format == TableFormat::Json {
            let _ = writeln!(out, "{}", json(&outcomes));
        }
        Ok(any_errors)
    }
}

#[allow(clippy::too_many_arguments)]
fn tally(
    file: &str,
    period: &str,
    (calendar, close): (Option<&str>, Option<&str>),
    cutoff: Option<CutoffArg>,
    assume: &[String],
    unit_facts: Option<&str>,
    score: bool,
    index766: Option<&str>,
    check_ids: bool,
    format: TableFormat,
    args: &ScoreArgs,
) -> Result<ExitCode, Fail> {
    let lang: Lang = args.lang.into();
    let mut policy = Policy::default();
    if let Some(c) = cutoff {
        policy.cutoff = match c {
            CutoffArg::SameDay => tthc_score::calendar::Cutoff::SameDay,
            CutoffArg::All => tthc_score::calendar::Cutoff::All,
            CutoffArg::None => tthc_score::calendar::Cutoff::None,
        };
    }
    for kv in assume {
        let (k, v) = pair(kv)?;
        policy.assume(k, v)?;
    }
    let index = match index766 {
        Some(f) => Some(TallyIndex::new(f, args, &mut policy)?),
        None => None,
    };
    let scoring = match index {
        Some(_) => None,
        None => Some(Scoring::new(args, Some(&mut policy))?),
    };
    // Placed as in the options of the JSON APIs: `calendar.close`, `calendar.daysOff[0]`.
    let mut calendar: CalendarChanges = match calendar {
        Some(f) => parse_json(&read_all(f)?).map_err(|p: Problem| p.within("calendar"))?,
        None => CalendarChanges::default(),
    };
    if let Some(close) = close {
        calendar.close = Some(tthc_score::tally::parse_close(close)?);
    }
    let facts: UnitFacts = match unit_facts {
        Some(f) => parse_json(&read_all(f)?)?,
        None => UnitFacts::default(),
    };
    facts.check()?;
    let opts = TallyOptions {
        period: period.parse()?,
        policy,
        calendar,
        check_ids,
    };
    let mut t = Tally::with_options(&opts)?;
    #[cfg(unix)]
    if check_ids {
        t.keep_ids_in(Box::new(idstore::FileStore::default()));
    }
    let input: Box<dyn Read> = if file == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(file).map_err(|e| io_fail(file, &e))?)
    };
    let terminal = std::io::stderr().is_terminal();
    let mut progress = |rows: u64| {
        if terminal {
            match lang {
                Lang::Vi => eprint!("\r{rows} dòng…"),
                Lang::En => eprint!("\r{rows} rows…"),
            }
        }
    };
    read_csv(
        &mut t,
        BufReader::with_capacity(1 << 16, input),
        &mut progress,
    )?;
    if terminal {
        eprint!("\r");
    }
    let reports = t.reports(&facts)?;
    let summary = t.summary(&facts);
    if let Some(e) = t.id_store_failure() {
        return Err(Fail::Read(e));
    }
    // A text a unit (not a row) long, written when whole: to --output or standard output
    // (xlsx writes its own file).
    let mut out = Vec::new();
    let output = args.output.as_deref();
    if let Some(ix) = &index {
        let errors = ix.run(&t, &reports, format, lang, &mut out)?;
        emit(&String::from_utf8_lossy(&out), output)?;
        print_summary(&summary, lang);
        return Ok(if summary.rejected > 0 || errors {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    let Some(scoring) = scoring else {
        unreachable!("a tally scores on one model or the other")
    };
    if format == TableFormat::Json && !score {
        let _ = writeln!(out, "{}", json(&reports));
    } else {
        let mut cards = Vec::with_capacity(reports.len());
        for r in &reports {
            cards.push(scoring.score(r).map_err(Fail::Invalid)?);
        }
        if format == TableFormat::Json {
            let _ = writeln!(out, "{}", json(&cards));
        } else if format == TableFormat::Xlsx {
            let sheets = cards
                .iter()
                .map(|c| tthc_score::render::annex_sheet(c, &scoring.profile, lang))
                .collect::<Result<Vec<_>, _>>()?;
            write_xlsx(&sheets, output)?;
        } else {
            for (i, c) in cards.iter().enumerate() {
                if i > 0 {
                    let _ = writeln!(out);
                }
                let _ = write!(
                    out,
                    "{}",
                    render(c, &scoring.profile, table_format(format), lang)?
                );
            }
        }
    }
    if format != TableFormat::Xlsx {
        emit(&String::from_utf8_lossy(&out), output)?;
    }
    print_summary(&summary, lang);
    Ok(if summary.rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run(cli: Cli) -> Result<ExitCode, Fail> {
    match cli.command {
        Command::Score { file, format, args } => {
            if let Some(p) = index_profile(&args)? {
                return score_index_cmd(&file, format, &args, &p);
            }
            let s = Scoring::new(&args, None)?;
            let card = scorecard(&file, &s)?;
            let lang: Lang = args.lang.into();
            let output = args.output.as_deref();
            if format == TableFormat::Json {
                emit(&format!("{}\n", json(&card)), output)?;
            } else if format == TableFormat::Xlsx {
                write_xlsx(
                    &[tthc_score::render::annex_sheet(&card, &s.profile, lang)?],
                    output,
                )?;
                print_findings(&card, lang, &mut std::io::stderr());
            } else {
                emit(
                    &render(&card, &s.profile, table_format(format), lang)?,
                    output,
                )?;
                print_findings(&card, args.lang.into(), &mut std::io::stderr());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Audit { file, format, args } => {
            let s = Scoring::new(&args, None)?;
            let card = scorecard(&file, &s)?;
            let lang: Lang = args.lang.into();
            match format {
                AuditFormat::Json => emit(
                    &format!("{}\n", json(&card.findings)),
                    args.output.as_deref(),
                )?,
                AuditFormat::Text => {
                    let mut text = Vec::new();
                    print_findings(&card, lang, &mut text);
                    let n = |s| card.findings.iter().filter(|f| f.severity == s).count();
                    let (e, w, i) = (n(Severity::Error), n(Severity::Warning), n(Severity::Info));
                    let (total, max) = (card.total.display(), card.total.maximum_display());
                    let (total, max) = (total.get(lang), max.get(lang));
                    let _ = match lang {
                        Lang::Vi => writeln!(
                            text,
                            "{e} lỗi, {w} cảnh báo, {i} thông tin; tổng điểm {total} / {max}"
                        ),
                        Lang::En => writeln!(
                            text,
                            "{e} error(s), {w} warning(s), {i} info; total {total} / {max}"
                        ),
                    };
                    emit(&String::from_utf8_lossy(&text), args.output.as_deref())?;
                }
            }
            Ok(if card.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Tally {
            file,
            period,
            calendar,
            close,
            cutoff,
            assume,
            unit_facts,
            score,
            index766,
            no_id_check,
            format,
            args,
        } => tally(
            &file,
            &period,
            (calendar.as_deref(), close.as_deref()),
            cutoff,
            &assume,
            unit_facts.as_deref(),
            score,
            index766.as_deref(),
            !no_id_check,
            format,
            &args,
        ),
        Command::Batch {
            files,
            format,
            ties,
            rank_by,
            args,
        } => {
            let s = Scoring::new(&args, None)?;
            let lang: Lang = args.lang.into();
            let options = RankOptions {
                ties: match ties {
                    TiesArg::Competition => TiePolicy::Competition,
                    TiesArg::Dense => TiePolicy::Dense,
                },
                basis: match rank_by {
                    RankByArg::RatingBasis => RankBasis::RatingBasis,
                    RankByArg::Total => RankBasis::Total,
                },
            };
            let (names, units): (Vec<String>, Vec<_>) =
                items(&files, tthc_score::parse_batch_item)?
                    .into_iter()
                    .unzip();
            let b = province::batch_items(&units, &s.profile, s.overrides, options, true);
            let mut outcomes = Vec::new();
            let (mut failed, mut period) = (0, None);
            for (name, result) in names.into_iter().zip(b.results) {
                match &result {
                    province::UnitResult::Scorecard(c) => period = period.or(Some(c.period)),
                    province::UnitResult::Errors(e) => {
                        failed += 1;
                        print_errors(&name, e, lang);
                    }
                    province::UnitResult::Row(_) => {}
                }
                // A unit's result is `{ "scorecard" }` or `{ "errors" }`, as an Outcome is.
                let mut o = serde_json::Map::new();
                o.insert("file".into(), name.into());
                if let Ok(serde_json::Value::Object(m)) = serde_json::to_value(&result) {
                    o.extend(m);
                }
                outcomes.push(serde_json::Value::Object(o));
            }
            let scored = outcomes.len() - failed;
            if format == TableFormat::Json {
                emit(&format!("{}\n", json(&outcomes)), args.output.as_deref())?;
            } else if format == TableFormat::Xlsx {
                // A workbook without a unit would say nothing of it (as the package's
                // provinceXlsx refuses): the errors above, and no file.
                if failed > 0 {
                    match lang {
                        Lang::Vi => {
                            eprintln!("Không ghi bảng tính: {failed} báo cáo không chấm điểm được")
                        }
                        Lang::En => eprintln!(
                            "the workbook was not written: {failed} {} could not be scored",
                            plural(failed, "report", "reports")
                        ),
                    }
                } else {
                    let sheet = tthc_score::render::province_sheet(
                        &b.table,
                        &s.profile,
                        period.as_ref(),
                        lang,
                    );
                    write_xlsx(&[sheet], args.output.as_deref())?;
                }
            } else {
                let text = render_province_table(
                    &b.table,
                    &s.profile,
                    period.as_ref(),
                    table_format(format),
                    lang,
                );
                emit(&text, args.output.as_deref())?;
            }
            let n = |v: usize| tthc_score::format::count(v as u64, lang);
            match lang {
                Lang::Vi => eprintln!(
                    "{} báo cáo: {} được chấm điểm, {} có lỗi",
                    n(scored + failed),
                    n(scored),
                    n(failed)
                ),
                Lang::En => eprintln!(
                    "{} {}: {} scored, {} with errors",
                    n(scored + failed),
                    plural(scored + failed, "report", "reports"),
                    n(scored),
                    n(failed)
                ),
            }
            Ok(if failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Rollup {
            files,
            method,
            format,
            args,
        } => {
            let s = Scoring::new(&args, None)?;
            let lang: Lang = args.lang.into();
            let mut cards = Vec::new();
            for (name, r) in reports(&files)? {
                match r.and_then(|r| s.score(&r)) {
                    Ok(c) => cards.push(c),
                    Err(e) => {
                        print_errors(&name, e.problems(), lang);
                        // Printed above with the file's name: exit 2 without printing again.
                        return Err(Fail::Invalid(Errors(Vec::new())));
                    }
                }
            }
            let method = match method {
                MethodArg::Pooled => RollupMethod::Pooled,
                MethodArg::Mean => RollupMethod::Mean,
            };
            let c = province::consolidate(&cards, &s.profile, &s.interp, method)
                .map_err(Fail::Invalid)?;
            let output = args.output.as_deref();
            match format {
                TableFormat::Json => emit(&format!("{}\n", json(&c)), output)?,
                TableFormat::Xlsx => write_xlsx(
                    &[tthc_score::render::consolidated_sheet(&c, &s.profile, lang)],
                    output,
                )?,
                f => emit(
                    &render_consolidated(&c, &s.profile, table_format(f), lang),
                    output,
                )?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::AuditTable {
            file,
            period,
            format,
            args,
        } => {
            let s = Scoring::new(&args, None)?;
            let lang: Lang = args.lang.into();
            let period = period.map(|p| p.parse()).transpose()?;
            let a = province::audit_table(&read_all(&file)?, &s.profile, period.as_ref())?;
            let output = args.output.as_deref();
            match format {
                AuditTableFormat::Json => emit(&format!("{}\n", json(&a)), output)?,
                AuditTableFormat::Text => {
                    use std::fmt::Write as _;
                    let mut text = String::new();
                    for f in &a.findings {
                        let sev = severity_word(f.severity);
                        let row = match lang {
                            Lang::Vi => "dòng",
                            Lang::En => "row",
                        };
                        let _ = writeln!(
                            text,
                            "{sev}[{}] {row} {} ({}): {}",
                            f.code,
                            f.row,
                            f.unit,
                            f.message.get(lang)
                        );
                    }
                    let n = a.findings.len();
                    let _ = match lang {
                        Lang::Vi => writeln!(text, "{} dòng, {n} phát hiện", a.rows),
                        Lang::En => writeln!(
                            text,
                            "{} {}, {n} {}",
                            a.rows,
                            plural(a.rows, "row", "rows"),
                            plural(n, "finding", "findings")
                        ),
                    };
                    emit(&text, output)?;
                }
                AuditTableFormat::Xlsx => {
                    write_xlsx(&[tthc_score::render::table_audit_sheet(&a, lang)], output)?
                }
                f => {
                    let format = match f {
                        AuditTableFormat::Markdown => Format::Markdown,
                        AuditTableFormat::Html => Format::Html,
                        AuditTableFormat::Csv => Format::Csv,
                        _ => Format::Table,
                    };
                    emit(&render_table_audit(&a, format, lang), output)?;
                }
            }
            Ok(if a.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Profiles { action, id } => {
            match (action.as_deref(), id.as_deref()) {
                (None | Some("list"), None) => {
                    for p in profile::builtin() {
                        let default = if p.id == profile::DEFAULT_PROFILE {
                            " (default)"
                        } else {
                            ""
                        };
                        outln!("{}{default}\t{}", p.id, p.name.get(Lang::Vi));
                    }
                    for p in index766::index_builtin() {
                        outln!("{}\t{}", p.id, p.name.get(Lang::Vi));
                    }
                }
                (Some("show"), Some(id)) => match index766::find_index(id) {
                    Ok(p) => outln!("{}", json(p)),
                    Err(_) => outln!("{}", json(find_profile(id)?)),
                },
                _ => {
                    return Err(Fail::Usage(Localized::new(
                        "cách dùng: profiles [list|show ID]",
                        "usage: profiles [list|show ID]",
                    )))
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "tthc-score",
                &mut std::io::stdout(),
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The language of stderr, read from the arguments before they are parsed (a command line
/// that does not parse still has its errors in the language asked for).
fn stderr_lang() -> Lang {
    // Not `args()`, which panics on an argument that is not UTF-8 (clap refuses it).
    let args: Vec<std::ffi::OsString> = std::env::args_os().take_while(|a| a != "--").collect();
    let en = args.iter().any(|a| a == "--lang=en")
        || args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en");
    if en {
        Lang::En
    } else {
        Lang::Vi
    }
}

/// clap's error as a `USAGE` line: its kind said in Vietnamese before clap's own (English)
/// words, which name the argument and suggest the fix.
fn clap_usage(e: &clap::Error, lang: Lang) -> String {
    use clap::error::ErrorKind as K;
    let text = e.render().to_string();
    let text = text.strip_prefix("error: ").unwrap_or(&text).trim_end();
    let vi = match e.kind() {
        K::UnknownArgument => "tùy chọn hoặc đối số không có",
        K::InvalidValue | K::ValueValidation | K::InvalidUtf8 => "giá trị không hợp lệ",
        K::MissingRequiredArgument => "thiếu tùy chọn hoặc đối số bắt buộc",
        K::InvalidSubcommand => "lệnh không có",
        K::MissingSubcommand => "thiếu lệnh",
        _ => "tùy chọn dùng sai",
    };
    match lang {
        Lang::Vi => format!("{vi} — {text}"),
        Lang::En => text.to_string(),
    }
}

fn main() -> ExitCode {
    let lang = stderr_lang();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) if !e.use_stderr() => {
            // --help, --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::from(3);
        }
        Err(e) => {
            eprintln!("error[USAGE] {}", clap_usage(&e, lang));
            return ExitCode::from(3);
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(Fail::Usage(m)) => {
            eprintln!("error[USAGE] {}", m.get(lang));
            ExitCode::from(3)
        }
        Err(Fail::Read(m)) => {
            match lang {
                Lang::Vi => eprintln!("error[READ] không đọc hoặc ghi được tệp: {m}"),
                Lang::En => eprintln!("error[READ] a file could not be read or written: {m}"),
            }
            ExitCode::from(4)
        }
        Err(Fail::Invalid(errors)) => {
            for p in errors.problems() {
                let path = shown_path(p);
                eprintln!("error[{}] {path}: {}", p.code, p.message.get(lang));
            }
            ExitCode::from(2)
        }
    }
}

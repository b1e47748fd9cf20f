//! `tthc-score`: score a report, audit it, list the rule profiles.
//!
//! Exit codes: 0 success; 1 `audit` found a finding of error severity; 2 the input is
//! invalid (hard errors, printed to stderr with code and path); 3 usage error; 4 the
//! input file could not be read.

use std::io::Read;
use std::process::ExitCode;
use tthc_score::{
    parse_json, profile, render, score_report, Errors, Format, Lang, Options, Problem, Report,
    Scorecard, Severity,
};

const USAGE: &str = "\
tthc-score: scoring of the handling of administrative procedures (TTHC)

USAGE:
    tthc-score score FILE|- [--profile ID] [--format table|markdown|html|csv|json] [--lang vi|en] [--set NAME=VALUE]...
    tthc-score audit FILE|- [--profile ID] [--format text|json] [--lang vi|en] [--set NAME=VALUE]...
    tthc-score profiles [list|show ID]
    tthc-score --help | --version

OPTIONS:
    --profile ID        rule profile: dien-bien-2019 (default) or tt01-2018
    --format F          output format (score: table by default; audit: text by default)
    --lang vi|en        language of labels, numbers and messages (default vi)
    --set NAME=VALUE    override an interpretation, e.g. --set levelSource=facts

EXIT CODES:
    0 success; 1 audit found an error-severity finding; 2 invalid input;
    3 usage error; 4 the input could not be read
";

struct Args {
    command: String,
    file: Option<String>,
    format: Option<String>,
    lang: Lang,
    options: Options,
}

enum Fail {
    Usage(String),
    Read(String),
    Invalid(Errors),
}

impl From<Problem> for Fail {
    fn from(p: Problem) -> Self {
        Fail::Invalid(Errors::one(p))
    }
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Args, Fail> {
    let command = it
        .next()
        .ok_or_else(|| Fail::Usage("missing command".into()))?;
    let mut a = Args {
        command,
        file: None,
        format: None,
        lang: Lang::Vi,
        options: Options::default(),
    };
    let mut overrides = tthc_score::InterpretationOverrides::default();
    let mut any_override = false;
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .ok_or_else(|| Fail::Usage(format!("{name} needs a value")))
        };
        match arg.as_str() {
            "--profile" => a.options.profile = Some(value("--profile")?),
            "--format" => a.format = Some(value("--format")?),
            "--lang" => {
                a.lang = match value("--lang")?.as_str() {
                    "vi" => Lang::Vi,
                    "en" => Lang::En,
                    other => {
                        return Err(Fail::Usage(format!(
                            "unknown language {other:?} (vi or en)"
                        )))
                    }
                }
            }
            "--set" => {
                let kv = value("--set")?;
                let (k, v) = kv
                    .split_once('=')
                    .ok_or_else(|| Fail::Usage(format!("--set expects NAME=VALUE, got {kv:?}")))?;
                overrides.set(k, v)?;
                any_override = true;
            }
            s if s.starts_with("--") => return Err(Fail::Usage(format!("unknown option {s}"))),
            _ if a.file.is_none() => a.file = Some(arg),
            _ => return Err(Fail::Usage(format!("unexpected argument {arg:?}"))),
        }
    }
    if any_override {
        a.options.interpretations = Some(overrides);
    }
    Ok(a)
}

fn read_input(file: Option<&str>) -> Result<String, Fail> {
    let file = file.ok_or_else(|| Fail::Usage("missing FILE (or - for standard input)".into()))?;
    let mut s = String::new();
    let r = if file == "-" {
        std::io::stdin().read_to_string(&mut s).map(|_| ())
    } else {
        std::fs::read_to_string(file).map(|t| s = t)
    };
    r.map_err(|e| Fail::Read(format!("{file}: {e}")))?;
    Ok(s)
}

fn scorecard(a: &Args) -> Result<Scorecard, Fail> {
    let text = read_input(a.file.as_deref())?;
    let report: Report = parse_json(&text)?;
    score_report(&report, &a.options).map_err(Fail::Invalid)
}

fn print_findings(card: &Scorecard, lang: Lang, out: &mut dyn std::io::Write) {
    for f in &card.findings {
        let sev = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        let _ = writeln!(
            out,
            "{sev}[{}] {}: {}",
            f.code.as_str(),
            f.path,
            f.message().get(lang)
        );
    }
}

fn json<T: serde::Serialize>(v: &T) -> String {
    // Serializing our own types to a String cannot fail (no maps with non-string keys).
    serde_json::to_string_pretty(v).unwrap_or_default()
}

fn run(a: Args) -> Result<ExitCode, Fail> {
    match a.command.as_str() {
        "score" => {
            let card = scorecard(&a)?;
            let format = a.format.as_deref().unwrap_or("table");
            if format == "json" {
                println!("{}", json(&card));
            } else {
                let f: Format = format
                    .parse()
                    .map_err(|()| Fail::Usage(format!("unknown format {format:?}")))?;
                let (p, _) = a.options.resolve()?;
                print!("{}", render(&card, p, f, a.lang));
                print_findings(&card, a.lang, &mut std::io::stderr());
            }
            Ok(ExitCode::SUCCESS)
        }
        "audit" => {
            let card = scorecard(&a)?;
            match a.format.as_deref().unwrap_or("text") {
                "json" => println!("{}", json(&card.findings)),
                "text" => {
                    print_findings(&card, a.lang, &mut std::io::stdout());
                    let n = |s| card.findings.iter().filter(|f| f.severity == s).count();
                    println!(
                        "{} error(s), {} warning(s), {} info; total {} / {}",
                        n(Severity::Error),
                        n(Severity::Warning),
                        n(Severity::Info),
                        card.total.display().get(a.lang),
                        card.total.maximum_display().get(a.lang)
                    );
                }
                other => {
                    return Err(Fail::Usage(format!(
                        "unknown audit format {other:?} (text or json)"
                    )))
                }
            }
            Ok(if card.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        "profiles" => {
            match (a.file.as_deref(), a.options.profile.as_deref()) {
                (None | Some("list"), None) => {
                    for p in profile::builtin() {
                        let default = if p.id == profile::DEFAULT_PROFILE {
                            " (default)"
                        } else {
                            ""
                        };
                        println!("{}{default}\t{}", p.id, p.name.get(a.lang));
                    }
                }
                (Some("show"), Some(id)) => println!("{}", json(profile::find(id)?)),
                (Some(id), None) => {
                    let id = id.strip_prefix("show=").unwrap_or(id);
                    println!("{}", json(profile::find(id)?));
                }
                _ => return Err(Fail::Usage("profiles [list|show ID]".into())),
            }
            Ok(ExitCode::SUCCESS)
        }
        other => Err(Fail::Usage(format!("unknown command {other:?}"))),
    }
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|a| a == "--help" || a == "-h") {
        print!("{USAGE}");
        return if args.is_empty() {
            ExitCode::from(3)
        } else {
            ExitCode::SUCCESS
        };
    }
    if args.iter().any(|a| a == "--version" || a == "-V") {
        println!("tthc-score {}", env!("CARGO_PKG_VERSION"));
        return ExitCode::SUCCESS;
    }
    // `profiles show ID` reads naturally; map it onto the generic parser.
    if args.len() == 3 && args[0] == "profiles" && args[1] == "show" {
        args = vec![
            "profiles".into(),
            "show".into(),
            "--profile".into(),
            args[2].clone(),
        ];
    }
    let lang = if args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en") {
        Lang::En
    } else {
        Lang::Vi
    };
    match parse_args(args.into_iter()).and_then(run) {
        Ok(code) => code,
        Err(Fail::Usage(m)) => {
            eprintln!("usage error: {m}\n\n{USAGE}");
            ExitCode::from(3)
        }
        Err(Fail::Read(m)) => {
            eprintln!("error[READ]: {m}");
            ExitCode::from(4)
        }
        Err(Fail::Invalid(errors)) => {
            for p in errors.problems() {
                let path = if p.path.is_empty() {
                    "(document)"
                } else {
                    &p.path
                };
                eprintln!("error[{}] {path}: {}", p.code, p.message.get(lang));
            }
            ExitCode::from(2)
        }
    }
}

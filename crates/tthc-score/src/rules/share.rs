//! The online share of dossiers (TT01 Art. 13.9; its base is interpretation
//! `onlineShareBase` \[D\]) and how it is explained in words.

use crate::base::number::{self, count};
use crate::base::rounding::{quotient, round, Rounding};
use crate::base::Lang;
use crate::input::Report;
use crate::profile::{Interpretations, OnlineShareBase};
use serde::{Deserialize, Serialize};

/// An online share as (online dossiers, all dossiers of the base).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Share {
    /// Dossiers received online.
    pub online: u64,
    /// Dossiers of the base (see interpretation `onlineShareBase`).
    pub of: u64,
}

/// The online share of `report`; `None` when no dossier was received.
pub fn online_share(report: &Report, interp: &Interpretations) -> Option<Share> {
    let rc = &report.dossiers.received;
    let online = rc.online.get();
    let of = match interp.online_share_base {
        OnlineShareBase::AllReceived => report.received_total(),
        OnlineShareBase::NewlyReceived => online + rc.direct.get(),
    };
    (of > 0).then_some(Share { online, of })
}

/// Explains an online share: "99/1.147 = 8,63 %".
pub fn describe_share(online: u64, denominator: u64, lang: Lang) -> String {
    let pct = quotient(online.saturating_mul(100), denominator).unwrap_or_default();
    format!(
        "{}/{} = {} %",
        count(online, lang),
        count(denominator, lang),
        number::decimal(round(pct, 2, Rounding::HalfUp), lang)
    )
}

/// " (tỷ lệ hồ sơ trực tuyến 99/1.147 = 8,63 %)", or nothing without a share.
pub fn share_note(share: &Option<Share>, lang: Lang) -> String {
    share
        .map(|s| match lang {
            Lang::Vi => format!(
                " (tỷ lệ hồ sơ trực tuyến {})",
                describe_share(s.online, s.of, lang)
            ),
            Lang::En => format!(" (online share {})", describe_share(s.online, s.of, lang)),
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn described() {
        assert_eq!(describe_share(99, 1147, Lang::Vi), "99/1.147 = 8,63 %");
        assert_eq!(
            share_note(
                &Some(Share {
                    online: 99,
                    of: 1147
                }),
                Lang::En
            ),
            " (online share 99/1,147 = 8.63 %)"
        );
    }
}

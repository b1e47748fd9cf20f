//! The province view: many units at once. A provincial office ranks its units in one
//! table, combines units into groups and periods into a year, and checks the tables it
//! publishes (TT01 Art. 15: results are consolidated quarterly and yearly and published).
//!
//! Every choice the texts leave open is named and switchable: how ties rank
//! ([`TiePolicy`]), which figure ranks ([`RankBasis`]), how parts combine
//! ([`RollupMethod`]).

mod batch;
#[cfg(feature = "csv")]
mod published;
mod options;
mod rank;
mod rollup;

pub use batch::{batch, batch_items, batch_mixed, Batch, BatchItem, Item, Scoring, UnitResult};
pub use options::{BatchOptions, ConsolidateOptions, TableAuditOptions};
#[cfg(feature = "csv")]
pub use published::{audit_table, TableAudit, TableCode, TableFacts, TableFinding};
pub use rank::{
    province_table, BandCount, GroupSummary, LevelGroup, ProvinceRow, ProvinceTable, RankBasis,
    RankOptions, TiePolicy,
};
pub use rollup::{consolidate, Consolidated, ConsolidatedIndicator, RollupMethod};

//! Relations between entities stated by a sentence.
//!
//! Co-occurrence (two entities in one sentence) is derived in [`crate::graph`] from the linked
//! mentions and sentence spans of a [`crate::DocExtraction`]; typed relations are extracted here.

pub mod dates;
pub mod frames;
pub mod lexicon;
pub mod tokens;

pub use frames::{DocRelations, extract};

use crate::date::PartialDate;
use crate::gazetteer::EntityIdx;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// Kinds of typed relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelationKind {
    /// Two persons met (symmetric).
    Met,
    /// A person visited a country, city or place.
    Visited,
    /// A host received a guest.
    Received,
    /// A companion accompanied a principal.
    Accompanied,
    /// A host invited a guest.
    Invited,
    /// Two persons phoned (symmetric).
    Phoned,
    /// A country supplied another with goods.
    Supplied,
}

impl RelationKind {
    /// Every kind, in output order.
    pub const ALL: [RelationKind; 7] = [
        RelationKind::Met,
        RelationKind::Visited,
        RelationKind::Received,
        RelationKind::Accompanied,
        RelationKind::Invited,
        RelationKind::Phoned,
        RelationKind::Supplied,
    ];

    /// The label used in outputs (`met`, `visited`...).
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Met => "met",
            RelationKind::Visited => "visited",
            RelationKind::Received => "received",
            RelationKind::Accompanied => "accompanied",
            RelationKind::Invited => "invited",
            RelationKind::Phoned => "phoned",
            RelationKind::Supplied => "supplied",
        }
    }

    /// Parses a label.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// True for symmetric kinds, stored with subject id < object id.
    pub fn is_symmetric(self) -> bool {
        matches!(self, RelationKind::Met | RelationKind::Phoned)
    }
}

/// Who says so.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Attribution {
    /// The source entity, when it is in the gazetteer.
    pub source: Option<EntityIdx>,
    /// The words naming the source.
    pub span: Span,
}

/// A typed relation stated in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// Subject entity.
    pub subject: EntityIdx,
    /// Kind.
    pub kind: RelationKind,
    /// Object entity.
    pub object: EntityIdx,
    /// Announced or expected, not (yet) done.
    pub planned: bool,
    /// When, from the text or the document date.
    pub date: Option<PartialDate>,
    /// Who says so, when the text names a source.
    pub attribution: Option<Attribution>,
    /// Goods, for `supplied`.
    pub goods: Vec<String>,
    /// The trigger words.
    pub trigger: Span,
    /// The sentence.
    pub sentence: Span,
    /// Confidence 0..1.
    pub confidence: f32,
}

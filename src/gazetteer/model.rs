//! The serde model of one gazetteer record, exactly as written in `gazetteer/*.ron`.

use serde::{Deserialize, Serialize};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    /// A human being.
    Person,
    /// A state, current or historic.
    Country,
    /// A city or town.
    City,
    /// Any other location: regions, seas, sites, buildings used as places.
    Place,
    /// Institutions, bodies, agencies, parties, companies, media.
    Organization,
}

impl Kind {
    /// Every kind, in output order.
    pub const ALL: [Kind; 5] = [Kind::Person, Kind::Country, Kind::City, Kind::Place, Kind::Organization];

    /// The variant name as written in the gazetteer (`"Person"`...).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "Person",
            Kind::Country => "Country",
            Kind::City => "City",
            Kind::Place => "Place",
            Kind::Organization => "Organization",
        }
    }

    /// True for kinds one can travel to (`visited` objects).
    pub fn is_location(self) -> bool {
        matches!(self, Kind::Country | Kind::City | Kind::Place)
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A role an entity (usually a person) holds in another entity, with optional dates.
///
/// `(role: "foreign-minister", of: "russia", from: "2004-03-09")`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleRecord {
    /// Role key, e.g. `head-of-state`, `foreign-minister`, `spokesperson`.
    pub role: String,
    /// Id of the entity the role is held in (a country, an organisation).
    pub of: String,
    /// First day in the role: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default)]
    pub from: Option<String>,
    /// Last day in the role, same format; absent while the role is held.
    #[serde(default)]
    pub to: Option<String>,
}

/// Grammatical gender of a person, for pronouns (`er`, `sie`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gender {
    /// Referred to as `sie`.
    Female,
    /// Referred to as `er`.
    Male,
}

/// One entity record of a gazetteer file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityRecord {
    /// Stable slug (`sergey-lavrov`); the key of the entity everywhere.
    pub id: String,
    /// What the entity is.
    pub kind: Kind,
    /// Canonical (English) name.
    pub name: String,
    /// Surface forms that name the entity on their own.
    pub aliases: Vec<String>,
    /// Uninflected adjective stems (`russisch`); endings are generated.
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// Nouns for the entity's people, masculine singular (`Russe`); other forms are generated.
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Forms that name the entity only when the document also has one of its full aliases
    /// (shared surnames such as `Kim`, or surnames that are ordinary words such as `Kurz`).
    #[serde(default)]
    pub short_aliases: Vec<String>,
    /// Roles held, with dates, used to resolve role descriptions (`der russische Außenminister`).
    #[serde(default)]
    pub roles: Vec<RoleRecord>,
    /// Prior probability (0..1) that an unsupported ambiguous alias means this entity.
    #[serde(default)]
    pub prior: Option<f32>,
    /// Date of death (`YYYY-MM-DD`): no relations after it.
    #[serde(default)]
    pub died: Option<String>,
    /// Wikidata item id (`Q7747`), passed through to exports.
    #[serde(default)]
    pub wikidata: Option<String>,
    /// Gender of a person (`Female`, `Male`), for pronouns; `er` is read as any non-female person.
    #[serde(default)]
    pub gender: Option<Gender>,
    /// Id of the country a city or place lies in (`vladivostok` → `russia`), so that a meeting
    /// held there counts as a visit of the participants from elsewhere.
    #[serde(default)]
    pub country: Option<String>,
}

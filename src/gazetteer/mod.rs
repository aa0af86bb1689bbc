//! The gazetteer: entities and their surface forms, loaded from `gazetteer/*.ron`.
//!
//! A file is a RON list of [`EntityRecord`]s. Loading collects every problem of every file —
//! syntax errors, unknown kinds, missing fields, duplicate ids, empty aliases, unknown role keys,
//! bad dates — each with file:line:column, and fails with all of them at once.

pub mod check;
mod load;
pub mod model;
pub mod ordinary;
mod validate;

pub use model::{EntityRecord, Gender, Kind, RoleRecord};

use crate::date::PartialDate;
use crate::error::{Error, ErrorKind, Problem, Result};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Role keys a gazetteer may use in `roles`. Role descriptions in text map onto these.
pub const ROLE_KEYS: &[&str] = &[
    "head-of-state",
    "head-of-government",
    "foreign-minister",
    "defence-minister",
    "interior-minister",
    "finance-minister",
    "minister",
    "spokesperson",
    "secretary-general",
    "party-leader",
    "mayor",
    "ambassador",
    "chief-of-staff",
    "leader",
];

/// Index of an entity in [`Gazetteer::entities`] (entities are sorted by id).
pub type EntityIdx = u32;

/// A role with resolved references and parsed dates.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    /// Role key (one of [`ROLE_KEYS`]).
    pub key: String,
    /// The entity the role is held in.
    pub of: EntityIdx,
    /// Start, when known.
    pub from: Option<PartialDate>,
    /// End, when the role ended.
    pub to: Option<PartialDate>,
}

impl Role {
    /// True when the role may be held at `date` (always, when the date is unknown).
    pub fn active_at(&self, date: Option<&PartialDate>) -> bool {
        date.is_none_or(|d| d.overlaps(self.from.as_ref(), self.to.as_ref()))
    }
}

/// A loaded entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Stable id.
    pub id: String,
    /// Kind.
    pub kind: Kind,
    /// Canonical name.
    pub name: String,
    /// Full aliases.
    pub aliases: Vec<String>,
    /// Adjective stems.
    pub adjectives: Vec<String>,
    /// Demonyms.
    pub demonyms: Vec<String>,
    /// Short aliases (need support in the document).
    pub short_aliases: Vec<String>,
    /// A person's aliases and short aliases that are ordinary German words (`Kurz`); those given
    /// as `aliases` were moved to `short_aliases` when the gazetteer was compiled ([`ordinary`]).
    pub ordinary_aliases: Vec<String>,
    /// Roles with dates.
    pub roles: Vec<Role>,
    /// Prior for unsupported ambiguous mentions (0 when not given).
    pub prior: f32,
    /// Date of death.
    pub died: Option<PartialDate>,
    /// Wikidata id.
    pub wikidata: Option<String>,
    /// Gender of a person.
    pub gender: Option<Gender>,
    /// The country a city or place lies in.
    pub country: Option<EntityIdx>,
    /// For a city without `country`: the country GeoNames puts the city of that name in
    /// ([`crate::geo`]); for an organisation: the one country its names state.
    pub geo_country: Option<EntityIdx>,
    /// For a country: its capital among the gazetteer's cities ([`crate::geo`]).
    pub capital: Option<EntityIdx>,
}

impl Entity {
    /// The country the entity belongs to: itself for a country, its `country` for a city or
    /// place, and for a person the country of its roles (active at `date` first).
    pub fn home_country(&self, gaz: &Gazetteer, self_idx: EntityIdx, date: Option<&PartialDate>) -> Option<EntityIdx> {
        match self.kind {
            Kind::Country => Some(self_idx),
            Kind::City | Kind::Place => self.country.or(self.geo_country),
            Kind::Person | Kind::Organization => {
                // A role's country: its `of` when a country, else the country of the organisation
                // it is in.
                let country_of = |of: EntityIdx| {
                    let o = gaz.entity(of);
                    match o.kind {
                        Kind::Country => Some(of),
                        Kind::Organization => o.country.or(o.geo_country),
                        _ => None,
                    }
                };
                let countries = |active: bool| {
                    self.roles
                        .iter()
                        .filter(move |r| !active || r.active_at(date))
                        .find_map(|r| country_of(r.of))
                };
                countries(true)
                    .or_else(|| countries(false))
                    .or(if self.kind == Kind::Organization {
                        self.country.or(self.geo_country)
                    } else {
                        None
                    })
            }
        }
    }

    /// True when the entity had died before `reference`; never when the reference date is unknown
    /// (an undated document is not judged against today).
    pub fn died_before(&self, reference: Option<&PartialDate>) -> bool {
        matches!((&self.died, reference), (Some(d), Some(at)) if at.is_after(d))
    }
}

/// The bundled gazetteer (`gazetteer/*.ron`), compiled into the binary so that an installed
/// `newskg` works from any directory.
pub const BUNDLED: &[(&str, &str)] = &[
    ("cities.ron", include_str!("../../gazetteer/cities.ron")),
    ("countries.ron", include_str!("../../gazetteer/countries.ron")),
    ("organizations.ron", include_str!("../../gazetteer/organizations.ron")),
    ("persons.ron", include_str!("../../gazetteer/persons.ron")),
    ("places.ron", include_str!("../../gazetteer/places.ron")),
];

/// The name that stands for the bundled gazetteer among `-g` directories.
pub const BUNDLED_NAME: &str = "@bundled";

/// One layer of a gazetteer: the bundled one or a directory of `*.ron` files. Later layers add
/// entities and replace those with the same id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layer {
    /// The bundled gazetteer ([`BUNDLED`]).
    Bundled,
    /// A directory of `*.ron` files (sorted by name).
    Dir(PathBuf),
}

impl Layer {
    /// `@bundled` is the bundled gazetteer, anything else a directory.
    pub fn parse(arg: &std::path::Path) -> Layer {
        if arg.as_os_str() == BUNDLED_NAME {
            Layer::Bundled
        } else {
            Layer::Dir(arg.to_path_buf())
        }
    }

    /// The layer's files: (name for messages, text).
    fn sources(&self) -> Result<Vec<(PathBuf, String)>> {
        match self {
            Layer::Bundled => Ok(BUNDLED
                .iter()
                .map(|(name, text)| (Path::new(BUNDLED_NAME).join(name), text.to_string()))
                .collect()),
            Layer::Dir(dir) => read_sources(&ron_files(dir)?),
        }
    }
}

/// The `*.ron` files of `dir`, sorted by name (not recursive); none is an error.
fn ron_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::io(ErrorKind::Gazetteer, "cannot read gazetteer directory", dir, e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Error::new(
            ErrorKind::Gazetteer,
            format!("no *.ron files in gazetteer directory {}", dir.display()),
        ));
    }
    Ok(files)
}

/// Reads gazetteer files as UTF-8 text: (file, text).
fn read_sources(files: &[PathBuf]) -> Result<Vec<(PathBuf, String)>> {
    files
        .iter()
        .map(|f| {
            let bytes =
                std::fs::read(f).map_err(|e| Error::io(ErrorKind::Gazetteer, "cannot read gazetteer file", f, e))?;
            let text = crate::input::decode_utf8(f, bytes).map_err(|p| {
                Error::with_problems(ErrorKind::Gazetteer, "gazetteer file is not valid UTF-8", vec![p])
            })?;
            Ok((f.clone(), text))
        })
        .collect()
}

/// A gazetteer loaded from layers, with what a user should know about it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The gazetteer.
    pub gazetteer: Gazetteer,
    /// Where each entity's record starts (file, line, column).
    pub sites: HashMap<String, (PathBuf, usize, usize)>,
    /// Aliases a later layer added that an earlier layer's entity already has: mentions of that
    /// form stop linking to the earlier entity unless the document names one of them in full.
    pub taken_aliases: Vec<TakenAlias>,
}

/// An alias a later layer gave to an entity although an earlier layer's entity has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakenAlias {
    /// The alias as the new record writes it.
    pub alias: String,
    /// The new entity and where its record starts.
    pub by: String,
    /// Where the new record starts.
    pub at: (PathBuf, usize, usize),
    /// The earlier entity that had the alias.
    pub from: String,
}

impl std::fmt::Display for TakenAlias {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (file, line, col) = &self.at;
        write!(
            f,
            "{}:{line}:{col}: alias {:?} of {} is also an alias of {}: that form no longer names {} on its own",
            file.display(),
            self.alias,
            self.by,
            self.from,
            self.from
        )
    }
}

/// All entities of a gazetteer, sorted by id.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    by_id: HashMap<String, EntityIdx>,
    files: Vec<PathBuf>,
    role_holders: Vec<EntityIdx>,
}

impl Gazetteer {
    /// The bundled gazetteer.
    pub fn bundled() -> Result<Gazetteer> {
        Ok(Self::load_layers(&[Layer::Bundled])?.gazetteer)
    }

    /// Loads layers in order: each adds its entities, and a record replaces an earlier layer's
    /// record of the same id. Within one layer ids must be unique; every problem of every layer is
    /// reported at once, with file, line and column.
    pub fn load_layers(layers: &[Layer]) -> Result<Loaded> {
        let sources: Vec<Vec<(PathBuf, String)>> = layers.iter().map(Layer::sources).collect::<Result<_>>()?;
        let mut problems = Vec::new();
        // Every sound record of every layer (file, record, its source), `None` once a later
        // layer replaced it; and id → its index there. The records stay where they were put:
        // moving them into a map took more memory than the whole loaded gazetteer.
        let mut kept: Vec<Option<(&Path, EntityRecord, load::RecordSource<'_>)>> = Vec::new();
        let mut chosen: HashMap<String, usize> = HashMap::new();
        let mut all_sites = validate::IdSites::default();
        let mut taken_aliases = Vec::new();
        // Records with a problem of their own: left out, but their references are checked too, so
        // one run reports everything.
        let mut flawed = Vec::new();
        for (k, layer) in sources.iter().enumerate() {
            let mut seen = validate::IdSites::default();
            let first = kept.len();
            for (path, src) in layer {
                let check = |rec: &EntityRecord, rs: &load::RecordSource<'_>, problems: &mut Vec<Problem>| {
                    validate::check_record(path, rec, rs, &mut seen, problems)
                };
                for (rec, rs, ok) in load::parse_file(path, src, &mut problems, check) {
                    if ok {
                        kept.push(Some((path.as_path(), rec, rs)));
                    } else {
                        flawed.push((path.as_path(), rec, rs));
                    }
                }
            }
            // Aliases this layer takes from entities of earlier layers.
            if k > 0 {
                let mut earlier: HashMap<String, Vec<&str>> = HashMap::new();
                for (id, &i) in &chosen {
                    let Some((_, rec, _)) = &kept[i] else { continue };
                    if !seen.contains_key(id) {
                        for a in rec.aliases.iter().chain(&rec.short_aliases) {
                            earlier
                                .entry(crate::normalize::normalize_pattern(a))
                                .or_default()
                                .push(id);
                        }
                    }
                }
                for (path, rec, rs) in kept[first..].iter().flatten() {
                    for a in rec.aliases.iter().chain(&rec.short_aliases) {
                        let mut from = earlier
                            .get(&crate::normalize::normalize_pattern(a))
                            .cloned()
                            .unwrap_or_default();
                        from.sort_unstable();
                        from.dedup();
                        for f in from {
                            taken_aliases.push(TakenAlias {
                                alias: a.clone(),
                                by: rec.id.clone(),
                                at: (path.to_path_buf(), rs.line, rs.col),
                                from: f.to_string(),
                            });
                        }
                    }
                }
            }
            for (id, site) in seen {
                all_sites.insert(id, site);
            }
            for i in first..kept.len() {
                let id = kept[i].as_ref().map(|(_, rec, _)| rec.id.clone()).expect("kept above");
                if let Some(earlier) = chosen.insert(id, i) {
                    kept[earlier] = None;
                }
            }
        }
        for (path, rec, rs) in kept.iter().flatten() {
            validate::check_references(path, rec, rs, &all_sites, &mut problems);
        }
        for (path, rec, rs) in &flawed {
            validate::check_references(path, rec, rs, &all_sites, &mut problems);
        }
        if !problems.is_empty() {
            problems.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
            let n = problems.len();
            let msg = format!("gazetteer has {n} problem{}", if n == 1 { "" } else { "s" });
            return Err(Error::with_problems(ErrorKind::Gazetteer, msg, problems));
        }
        let sites = kept
            .iter()
            .flatten()
            .map(|(path, rec, rs)| (rec.id.clone(), (path.to_path_buf(), rs.line, rs.col)))
            .collect();
        drop(chosen);
        let records: Vec<EntityRecord> = kept.into_iter().flatten().map(|(_, r, _)| r).collect();
        let mut gazetteer = Self::from_records(records)
            .map_err(|p| Error::with_problems(ErrorKind::Gazetteer, "gazetteer is invalid", p))?;
        gazetteer.files = sources.into_iter().flatten().map(|(p, _)| p).collect();
        taken_aliases.sort_by(|a, b| (&a.at, &a.alias, &a.from).cmp(&(&b.at, &b.alias, &b.from)));
        Ok(Loaded {
            gazetteer,
            sites,
            taken_aliases,
        })
    }

    /// Loads every `*.ron` file of `dir` (sorted by name; not recursive).
    pub fn load_dir(dir: &Path) -> Result<Gazetteer> {
        Self::load_files(&ron_files(dir)?)
    }

    /// Loads the given files, in the given order.
    pub fn load_files(files: &[PathBuf]) -> Result<Gazetteer> {
        let sources = read_sources(files)?;
        let refs: Vec<(&Path, &str)> = sources.iter().map(|(p, s)| (p.as_path(), s.as_str())).collect();
        Self::from_sources(&refs)
    }

    /// Loads gazetteer sources given as `(file name for messages, RON text)`.
    pub fn from_sources(sources: &[(&Path, &str)]) -> Result<Gazetteer> {
        let mut problems = Vec::new();
        let mut seen = validate::IdSites::default();
        let mut parsed = Vec::new();
        let mut flawed = Vec::new();
        for (path, src) in sources {
            let check = |rec: &EntityRecord, rs: &load::RecordSource<'_>, problems: &mut Vec<Problem>| {
                validate::check_record(path, rec, rs, &mut seen, problems)
            };
            for (rec, rs, ok) in load::parse_file(path, src, &mut problems, check) {
                if ok {
                    parsed.push((path, rec, rs));
                } else {
                    flawed.push((path, rec, rs));
                }
            }
        }
        for (path, rec, rs) in parsed.iter().chain(&flawed) {
            validate::check_references(path, rec, rs, &seen, &mut problems);
        }
        if !problems.is_empty() {
            problems.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
            let n = problems.len();
            let msg = format!("gazetteer has {n} problem{}", if n == 1 { "" } else { "s" });
            return Err(Error::with_problems(ErrorKind::Gazetteer, msg, problems));
        }
        let records: Vec<EntityRecord> = parsed.into_iter().map(|(_, r, _)| r).collect();
        let mut g = Self::from_records(records)
            .map_err(|p| Error::with_problems(ErrorKind::Gazetteer, "gazetteer is invalid", p))?;
        g.files = sources.iter().map(|(p, _)| p.to_path_buf()).collect();
        Ok(g)
    }

    /// Builds a gazetteer from records (ids must be unique, roles must refer to known ids).
    pub fn from_records(records: Vec<EntityRecord>) -> std::result::Result<Gazetteer, Vec<Problem>> {
        // Sorted through their indices: a record is large, and a gazetteer may have 500,000.
        let mut order: Vec<usize> = (0..records.len()).collect();
        order.sort_by(|&a, &b| records[a].id.cmp(&records[b].id));
        let mut slots: Vec<Option<EntityRecord>> = records.into_iter().map(Some).collect();
        let records: Vec<EntityRecord> = order.iter().map(|&i| slots[i].take().expect("each once")).collect();
        drop(slots);
        let by_id: HashMap<String, EntityIdx> = records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i as EntityIdx))
            .collect();
        let mut problems = Vec::new();
        if by_id.len() != records.len() {
            for w in records.windows(2).filter(|w| w[0].id == w[1].id) {
                problems.push(Problem::at(
                    Path::new("<records>"),
                    0,
                    0,
                    format!("duplicate id {:?}", w[0].id),
                ));
            }
        }
        let mut entities = Vec::with_capacity(records.len());
        for r in records {
            let mut roles = Vec::new();
            for role in r.roles {
                let Some(&of) = by_id.get(&role.of) else {
                    problems.push(Problem::at(
                        Path::new("<records>"),
                        0,
                        0,
                        format!("{}: role of unknown id {:?}", r.id, role.of),
                    ));
                    continue;
                };
                roles.push(Role {
                    key: role.role,
                    of,
                    from: role.from.as_deref().and_then(PartialDate::parse),
                    to: role.to.as_deref().and_then(PartialDate::parse),
                });
            }
            let country = match &r.country {
                None => None,
                Some(c) => match by_id.get(c) {
                    Some(&i) => Some(i),
                    None => {
                        problems.push(Problem::at(
                            Path::new("<records>"),
                            0,
                            0,
                            format!("{}: country of unknown id {c:?}", r.id),
                        ));
                        None
                    }
                },
            };
            let gender = r.gender.or_else(|| first_name_gender(r.kind, &r.name, &r.aliases));
            let (mut aliases, mut short_aliases) = (dedup(r.aliases), dedup(r.short_aliases));
            let mut ordinary_aliases = Vec::new();
            if r.kind == Kind::Person {
                // A surname that is an ordinary word names the person only with support.
                let (words, names): (Vec<String>, Vec<String>) =
                    aliases.into_iter().partition(|a| ordinary::ordinary(a).is_some());
                aliases = names;
                for w in words {
                    if !short_aliases.contains(&w) {
                        short_aliases.push(w.clone());
                    }
                }
                ordinary_aliases = short_aliases
                    .iter()
                    .filter(|a| ordinary::ordinary(a).is_some())
                    .cloned()
                    .collect();
            }
            entities.push(Entity {
                id: r.id,
                kind: r.kind,
                name: r.name,
                aliases,
                adjectives: dedup(r.adjectives),
                demonyms: dedup(r.demonyms),
                short_aliases,
                ordinary_aliases,
                roles,
                prior: r.prior.unwrap_or(0.0),
                died: r.died.as_deref().and_then(PartialDate::parse),
                wikidata: r.wikidata,
                gender,
                country,
                geo_country: None,
                capital: None,
            });
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        derive_geography(&mut entities);
        derive_adjectives(&mut entities);
        derive_org_countries(&mut entities);
        let role_holders = (0..entities.len() as EntityIdx)
            .filter(|&i| !entities[i as usize].roles.is_empty())
            .collect();
        Ok(Gazetteer {
            entities,
            by_id,
            files: Vec::new(),
            role_holders,
        })
    }

    /// Entities that hold at least one role, sorted by id.
    pub fn role_holders(&self) -> &[EntityIdx] {
        &self.role_holders
    }

    /// All entities, sorted by id.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity at `idx`.
    pub fn entity(&self, idx: EntityIdx) -> &Entity {
        &self.entities[idx as usize]
    }

    /// The index of the entity with this id.
    pub fn index_of(&self, id: &str) -> Option<EntityIdx> {
        self.by_id.get(id).copied()
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when there is no entity.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The files this gazetteer was loaded from.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// The same entities with only the fields a user's own gazetteer usually has: id, kind, name,
    /// aliases (short aliases among them), adjectives and demonyms — no roles, gender, country,
    /// dates or priors. What newskg must then find in the text itself; tests and evaluations use
    /// it (`scripts/plain_gazetteer.py` writes the same as files).
    pub fn plain(&self) -> Gazetteer {
        let records: Vec<EntityRecord> = self
            .entities
            .iter()
            .map(|e| {
                let mut aliases = e.aliases.clone();
                aliases.extend(e.short_aliases.iter().filter(|a| !e.aliases.contains(a)).cloned());
                EntityRecord {
                    id: e.id.clone(),
                    kind: e.kind,
                    name: e.name.clone(),
                    aliases,
                    adjectives: e.adjectives.clone(),
                    demonyms: e.demonyms.clone(),
                    short_aliases: Vec::new(),
                    roles: Vec::new(),
                    prior: None,
                    died: None,
                    wikidata: None,
                    gender: None,
                    country: None,
                }
            })
            .collect();
        Gazetteer::from_records(records).unwrap_or_default()
    }

    /// Entities whose id, name or any alias equals `name` after normalisation (case, ß, hyphens).
    pub fn lookup(&self, name: &str) -> Vec<EntityIdx> {
        let key = crate::normalize::normalize_pattern(name);
        if let Some(i) = self.index_of(name.trim()) {
            return vec![i];
        }
        let mut out: Vec<EntityIdx> = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .chain(&e.short_aliases)
                    .any(|a| crate::normalize::normalize_pattern(a) == key)
            })
            .map(|(i, _)| i as EntityIdx)
            .collect();
        out.dedup();
        out
    }
}

/// For a person the record gives no gender: the gender of the first name its name (else its
/// first alias of several words) starts with, when (almost) all its bearers share one.
fn first_name_gender(kind: Kind, name: &str, aliases: &[String]) -> Option<Gender> {
    if kind != Kind::Person {
        return None;
    }
    std::iter::once(name)
        .chain(aliases.iter().map(String::as_str))
        .filter_map(|n| n.split_once(' ').map(|(first, _)| first))
        .next()
        .and_then(ordinary::first_name_gender)
}

/// Gives countries and places that list no adjectives the one their name derives in the German
/// dictionary (`Europa` → `europäisch`), unless another entity lists or derives it too.
fn derive_adjectives(entities: &mut [Entity]) {
    let listed: std::collections::HashSet<String> = entities
        .iter()
        .flat_map(|e| e.adjectives.iter().map(|a| a.trim().to_lowercase()))
        .collect();
    let mut derived: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        if !matches!(e.kind, Kind::Country | Kind::Place) || !e.adjectives.is_empty() {
            continue;
        }
        let mut mine: Vec<String> = std::iter::once(&e.name)
            .chain(&e.aliases)
            .filter_map(|n| ordinary::derived_adjective(n))
            .filter(|a| !listed.contains(a))
            .collect();
        mine.sort();
        mine.dedup();
        for a in mine {
            derived.entry(a).or_default().push(i);
        }
    }
    let mut derived: Vec<(String, Vec<usize>)> = derived.into_iter().collect();
    derived.sort();
    for (a, owners) in derived {
        if let [only] = owners[..] {
            entities[only].adjectives.push(a);
        }
    }
}

/// The country an organisation's own names state (`Österreichische Volkspartei`, `Sozialdemokratische
/// Partei Österreichs`, `US-Armee`), for organisations without `country`: exactly one country named
/// by an alias (also in the genitive) or an adjective (with any ending) among all its names. A
/// person whose role is in the organisation has it as home country (a party leader of the ÖVP is
/// at home in Austria). Linear in the gazetteer: word n-grams are looked up in a table.
fn derive_org_countries(entities: &mut [Entity]) {
    let key = |s: &str| s.to_lowercase().replace('-', " ");
    let mut table: HashMap<String, EntityIdx> = HashMap::new();
    let mut clash: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut put = |k: String, c: EntityIdx, table: &mut HashMap<String, EntityIdx>| {
        if k.chars().count() < 2 {
            return;
        }
        match table.get(&k) {
            Some(&x) if x != c => {
                clash.insert(k);
            }
            _ => {
                table.insert(k, c);
            }
        }
    };
    for (i, e) in entities.iter().enumerate() {
        if e.kind != Kind::Country {
            continue;
        }
        let c = i as EntityIdx;
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            put(key(n), c, &mut table);
            put(format!("{}s", key(n)), c, &mut table);
        }
        for a in &e.adjectives {
            for end in ["", "e", "en", "er", "es", "em"] {
                put(format!("{}{end}", key(a)), c, &mut table);
            }
        }
    }
    for k in clash {
        table.remove(&k);
    }
    let max_words = table.keys().map(|k| k.split(' ').count()).max().unwrap_or(1).min(4);
    for e in entities.iter_mut() {
        if e.kind != Kind::Organization || e.country.is_some() {
            continue;
        }
        let mut found: Vec<EntityIdx> = Vec::new();
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            let k = key(n);
            let words: Vec<&str> = k.split_whitespace().collect();
            for len in 1..=max_words {
                for w in words.windows(len) {
                    if let Some(&c) = table.get(&w.join(" "))
                        && !found.contains(&c)
                    {
                        found.push(c);
                    }
                }
            }
        }
        if let [only] = found[..] {
            e.geo_country = Some(only);
        }
    }
}

/// Fills what the records leave out from GeoNames: the country of cities without `country`, and
/// every country's capital.
fn derive_geography(entities: &mut [Entity]) {
    let geo = crate::geo::Geo::get();
    let names = |e: &Entity| -> Vec<String> { std::iter::once(&e.name).chain(&e.aliases).cloned().collect() };
    let mut by_code: HashMap<[u8; 2], EntityIdx> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        if e.kind == Kind::Country {
            for n in names(e) {
                if let Some(cc) = geo.country_code(&n) {
                    by_code.entry(cc).or_insert(i as EntityIdx);
                }
            }
        }
    }
    for e in entities.iter_mut() {
        if e.kind == Kind::City && e.country.is_none() {
            let best = std::iter::once(&e.name)
                .chain(&e.aliases)
                .filter_map(|n| geo.city_country_normalized(&crate::normalize::normalize_pattern(n)))
                .max_by_key(|x| x.1);
            e.geo_country = best.and_then(|(cc, _)| by_code.get(&cc).copied());
        }
    }
    let mut codes: Vec<([u8; 2], EntityIdx)> = by_code.into_iter().collect();
    codes.sort();
    for (cc, country) in codes {
        let Some(capital) = geo.capital(cc) else { continue };
        let key = crate::normalize::normalize_pattern(capital);
        let found = entities.iter().position(|e| {
            e.kind == Kind::City
                && e.country.or(e.geo_country) == Some(country)
                && names(e).iter().any(|n| crate::normalize::normalize_pattern(n) == key)
        });
        entities[country as usize].capital = found.map(|i| i as EntityIdx);
    }
}

fn dedup(v: Vec<String>) -> Vec<String> {
    // A record's lists are short: compared pairwise, without a hash set of copies.
    if v.len() <= 16 {
        let mut out: Vec<String> = Vec::with_capacity(v.len());
        for s in v {
            if !out.contains(&s) {
                out.push(s);
            }
        }
        return out;
    }
    let mut seen = std::collections::HashSet::new();
    v.into_iter().filter(|s| seen.insert(s.clone())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisations_take_the_one_country_their_names_state() {
        let gaz = Gazetteer::bundled().unwrap().plain();
        let idx = |id: &str| gaz.index_of(id).unwrap_or_else(|| panic!("{id}"));
        let home = |id: &str| gaz.entity(idx(id)).home_country(&gaz, idx(id), None);
        // `Österreichische Volkspartei`, `Sozialdemokratische Partei Österreichs`.
        assert_eq!(home("ovp"), Some(idx("austria")));
        assert_eq!(home("spo"), Some(idx("austria")));
        // No country in `NATO`, `Nordatlantikpakt`; `Europäische Union` names a continent.
        assert_eq!(home("nato"), None);
        assert_eq!(home("european-union"), None);
    }

    #[test]
    fn a_role_in_an_organisation_gives_the_organisations_country() {
        let src = r#"[
            (id: "austria", kind: Country, name: "Austria", aliases: ["Österreich"], adjectives: ["österreichisch"]),
            (id: "slovakia", kind: Country, name: "Slovakia", aliases: ["Slowakei"], adjectives: ["slowakisch"]),
            (id: "npo", kind: Organization, name: "NPÖ", aliases: ["Neue Partei Österreichs"]),
            (id: "mixed", kind: Organization, name: "Austro-Slovak Forum", aliases: ["Österreichisch-Slowakisches Forum"]),
            (id: "leader", kind: Person, name: "Anna Muster", aliases: ["Anna Muster"], roles: [(role: "party-leader", of: "npo")]),
            (id: "chair", kind: Person, name: "Berta Muster", aliases: ["Berta Muster"], roles: [(role: "leader", of: "mixed")]),
        ]"#;
        let gaz = Gazetteer::from_sources(&[(Path::new("test.ron"), src)]).unwrap();
        let home = |id: &str| {
            let i = gaz.index_of(id).unwrap();
            gaz.entity(i).home_country(&gaz, i, None)
        };
        assert_eq!(home("npo"), gaz.index_of("austria"));
        assert_eq!(home("leader"), gaz.index_of("austria"));
        // Two countries named: none is the organisation's.
        assert_eq!(home("mixed"), None);
        assert_eq!(home("chair"), None);
    }
}

//! The responsible units of a plan — departments, townships/streets, and below them villages and
//! grids — as a tree, so that the status of measures rolls up from the grid to the township.

use std::collections::BTreeMap;

use geo::{Distance, Haversine, Point};
use serde::{Deserialize, Serialize};

/// What kind of unit this is; decides where it may sit in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// The command office (指挥部办公室) that issues notices and collects reports.
    Command,
    /// A county department or member unit (生态环境分局, 住建局, 公安局 …).
    Department,
    /// A township or street (乡镇、街道).
    Township,
    /// A village or community (村、社区), under a township.
    Village,
    /// A grid (网格), under a village or township.
    Grid,
    /// Anything else a plan needs (e.g. the power company, a park management committee).
    Other,
}

impl UnitKind {
    /// Chinese label for lists and notices.
    pub fn label(self) -> &'static str {
        match self {
            UnitKind::Command => "指挥部办公室",
            UnitKind::Department => "部门",
            UnitKind::Township => "乡镇（街道）",
            UnitKind::Village => "村（社区）",
            UnitKind::Grid => "网格",
            UnitKind::Other => "其他单位",
        }
    }
}

/// A position in WGS-84 degrees (what EXIF GPS and most maps give).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    /// Latitude, −90…90.
    pub lat: f64,
    /// Longitude, −180…180.
    pub lon: f64,
}

impl GeoPoint {
    /// The point, when both coordinates are finite and in range.
    pub fn checked(lat: f64, lon: f64) -> Option<GeoPoint> {
        ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
            .then_some(GeoPoint { lat, lon })
    }

    /// Great-circle distance to `other`, km.
    pub fn km_to(self, other: GeoPoint) -> f64 {
        Haversine.distance(
            Point::new(self.lon, self.lat),
            Point::new(other.lon, other.lat),
        ) / 1000.0
    }
}

/// One responsible unit with its contact.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Unit {
    /// Short stable id used by measures and the journal (`ee`, `town-chengguan`, …).
    pub id: String,
    /// Full name as written in notices.
    pub name: String,
    /// What kind of unit.
    pub kind: UnitKind,
    /// The unit above this one (a village's township), by id.
    pub parent: Option<String>,
    /// Contact person or desk.
    pub contact: String,
    /// Contact telephone.
    pub phone: String,
    /// Where the unit (a township's government, a site) is, when the plan says (`location =
    /// [lat, lon]`): evidence photos taken far from it are flagged.
    pub location: Option<GeoPoint>,
}

/// Units in plan order with their parent links checked (no unknown parent, no cycle).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct UnitTree {
    units: Vec<Unit>,
}

/// How many units below (and including) a unit are in each status; the roll-up of one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rollup<S: Ord> {
    /// Count of units per status, among those that reported one.
    pub counts: BTreeMap<S, usize>,
    /// Units in the subtree with no status yet.
    pub without_status: usize,
}

impl<S: Ord + Clone> Rollup<S> {
    /// The least advanced status in the subtree (statuses ordered from least to most done), or
    /// `None` when nobody reported; what a township row shows for its grids.
    pub fn least(&self) -> Option<S> {
        self.counts.keys().next().cloned()
    }

    /// Units counted, with or without status.
    pub fn total(&self) -> usize {
        self.counts.values().sum::<usize>() + self.without_status
    }
}

impl UnitTree {
    /// Build from units already checked by the plan loader (ids unique, parents known, no cycle).
    pub(crate) fn from_checked(units: Vec<Unit>) -> Self {
        UnitTree { units }
    }

    /// All units in plan order.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// The unit with id `id`.
    pub fn get(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The units directly below `id`, in plan order.
    pub fn children(&self, id: &str) -> Vec<&Unit> {
        self.units
            .iter()
            .filter(|u| u.parent.as_deref() == Some(id))
            .collect()
    }

    /// Units with no parent (departments, townships, the command office), in plan order.
    pub fn roots(&self) -> Vec<&Unit> {
        self.units.iter().filter(|u| u.parent.is_none()).collect()
    }

    /// `id` and every unit below it, depth first, in plan order.
    pub fn subtree(&self, id: &str) -> Vec<&Unit> {
        let mut out = Vec::new();
        let mut stack: Vec<&Unit> = self.get(id).into_iter().collect();
        while let Some(u) = stack.pop() {
            out.push(u);
            let mut kids = self.children(&u.id);
            kids.reverse();
            stack.extend(kids);
        }
        out
    }

    /// Roll statuses up the tree: for every unit, the counts of statuses over itself and all
    /// units below it. `status_of` gives a unit's own status (e.g. from the journal state);
    /// a unit without one counts in `without_status`.
    pub fn roll_up<S: Ord + Clone>(
        &self,
        status_of: impl Fn(&str) -> Option<S>,
    ) -> BTreeMap<String, Rollup<S>> {
        let mut out = BTreeMap::new();
        for unit in &self.units {
            let mut rollup = Rollup {
                counts: BTreeMap::new(),
                without_status: 0,
            };
            for u in self.subtree(&unit.id) {
                match status_of(&u.id) {
                    Some(s) => *rollup.counts.entry(s).or_insert(0) += 1,
                    None => rollup.without_status += 1,
                }
            }
            out.insert(unit.id.clone(), rollup);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, kind: UnitKind, parent: Option<&str>) -> Unit {
        Unit {
            id: id.into(),
            name: id.into(),
            kind,
            parent: parent.map(Into::into),
            contact: String::new(),
            phone: String::new(),
            location: None,
        }
    }

    #[test]
    fn statuses_roll_up_from_grids_to_township() {
        let tree = UnitTree::from_checked(vec![
            unit("ee", UnitKind::Department, None),
            unit("town", UnitKind::Township, None),
            unit("v1", UnitKind::Village, Some("town")),
            unit("g1", UnitKind::Grid, Some("v1")),
            unit("g2", UnitKind::Grid, Some("v1")),
            unit("v2", UnitKind::Village, Some("town")),
        ]);
        let ids: Vec<&str> = tree.subtree("town").iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["town", "v1", "g1", "g2", "v2"]);
        assert_eq!(tree.roots().len(), 2);
        // 1 = notified, 2 = acknowledged, 3 = implemented (ordered by progress).
        let status = |id: &str| match id {
            "g1" => Some(3),
            "g2" => Some(1),
            "v2" => Some(2),
            _ => None,
        };
        let r = tree.roll_up(status);
        let town = &r["town"];
        assert_eq!(town.counts, BTreeMap::from([(1, 1), (2, 1), (3, 1)]));
        assert_eq!(town.without_status, 2);
        assert_eq!(town.total(), 5);
        assert_eq!(town.least(), Some(1));
        assert_eq!(r["v1"].least(), Some(1));
        assert_eq!(r["g1"].least(), Some(3));
        assert_eq!(r["ee"].least(), None);
    }
}

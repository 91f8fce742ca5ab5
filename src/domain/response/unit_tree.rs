//! The checklist rolled up the plan's unit tree: departments, townships, and below them villages
//! and grids. Each unit gets its own item counts and those of its whole subtree (a township sees
//! what its villages and grids have done), so the checklist can show the tree with rolled-up
//! counts and filter to a subtree.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset};

use crate::domain::plan::UnitTree;

use super::state::{Episode, UnitSummary};

/// One unit of the tree as the checklist shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRow {
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub name: String,
    /// Depth below a root (0 = department, township, command office).
    pub depth: usize,
    /// The unit's parent among the rows, if any.
    pub parent: Option<String>,
    /// Whether rows below this one belong to it.
    pub has_children: bool,
    /// The unit's own items.
    pub own: UnitSummary,
    /// Items of the unit and every unit below it.
    pub rolled: UnitSummary,
}

fn add(to: &mut UnitSummary, x: &UnitSummary) {
    to.total += x.total;
    to.acknowledged += x.acknowledged;
    to.done += x.done;
    to.problems += x.problems;
    to.overdue += x.overdue;
    to.dropped += x.dropped;
}

/// The units of `episode`'s checklist in tree order (depth first, plan order), each with its own
/// and its subtree's counts at `now`. Only units with items in their subtree are listed; units of
/// items the tree does not know (a plan edited since the warning) come last, as roots.
pub fn unit_rows(episode: &Episode, tree: &UnitTree, now: DateTime<FixedOffset>) -> Vec<UnitRow> {
    let own = episode.by_unit(now);
    let own_of = |id: &str| own.iter().find(|u| u.unit == id);
    let mut rows: Vec<UnitRow> = Vec::new();
    // Depth-first over the tree, children in plan order.
    let mut stack: Vec<(&str, usize)> = tree
        .roots()
        .into_iter()
        .rev()
        .map(|u| (u.id.as_str(), 0))
        .collect();
    while let Some((id, depth)) = stack.pop() {
        let Some(unit) = tree.get(id) else {
            continue;
        };
        let mut rolled = UnitSummary::empty(id, &unit.name);
        for u in tree.subtree(id) {
            if let Some(s) = own_of(&u.id) {
                add(&mut rolled, s);
            }
        }
        if rolled.total + rolled.dropped == 0 {
            continue;
        }
        rows.push(UnitRow {
            unit: id.to_owned(),
            name: own_of(id).map_or_else(|| unit.name.clone(), |s| s.unit_name.clone()),
            depth,
            parent: unit.parent.clone(),
            has_children: false,
            own: own_of(id)
                .cloned()
                .unwrap_or_else(|| UnitSummary::empty(id, &unit.name)),
            rolled,
        });
        for child in tree.children(id).into_iter().rev() {
            stack.push((child.id.as_str(), depth + 1));
        }
    }
    for s in &own {
        if tree.get(&s.unit).is_none() {
            rows.push(UnitRow {
                unit: s.unit.clone(),
                name: s.unit_name.clone(),
                depth: 0,
                parent: None,
                has_children: false,
                own: s.clone(),
                rolled: s.clone(),
            });
        }
    }
    let parents: BTreeSet<String> = rows.iter().filter_map(|r| r.parent.clone()).collect();
    for r in &mut rows {
        r.has_children = parents.contains(&r.unit);
    }
    rows
}

/// `unit` and every unit below it among `rows` (what selecting a node filters the checklist to).
pub fn subtree_of(rows: &[UnitRow], unit: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let Some(start) = rows.iter().position(|r| r.unit == unit) else {
        return out;
    };
    let depth = rows[start].depth;
    out.insert(unit.to_owned());
    for r in &rows[start + 1..] {
        if r.depth <= depth {
            break;
        }
        out.insert(r.unit.clone());
    }
    out
}

/// Whether the row of `unit` is hidden because an ancestor among `rows` is collapsed.
pub fn hidden_by(rows: &[UnitRow], unit: &str, collapsed: &BTreeSet<String>) -> bool {
    let mut parent = rows
        .iter()
        .find(|r| r.unit == unit)
        .and_then(|r| r.parent.clone());
    while let Some(p) = parent {
        if collapsed.contains(&p) {
            return true;
        }
        parent = rows
            .iter()
            .find(|r| r.unit == p)
            .and_then(|r| r.parent.clone());
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::response::tests::{NOON, drill, fresh, key, plan, run, t};
    use crate::domain::response::{Command, StatusFilter};

    #[test]
    fn counts_roll_up_three_levels_from_grid_to_township() {
        let (mut s, mut j) = fresh();
        drill(&mut s, &mut j);
        // A grid reports a problem with its patrol.
        run(
            &mut s,
            &mut j,
            Command::report_problem(key("O-SUP-3", "cg-dongguan-g2"), "网格内发现散煤复烧"),
            "2025-01-15T11:30:00+08:00",
        );
        let p = plan();
        let e = s.model().current().expect("episode");
        let rows = unit_rows(e, &p.units, t(NOON));
        let row = |id: &str| rows.iter().find(|r| r.unit == id).expect(id);

        // 城关镇 → 东关社区 → two grids, and 西关村: three levels below the township.
        let g2 = row("cg-dongguan-g2");
        assert_eq!((g2.depth, g2.has_children), (2, false));
        assert_eq!((g2.own.total, g2.own.problems), (1, 1));
        let dongguan = row("cg-dongguan");
        assert_eq!((dongguan.depth, dongguan.has_children), (1, true));
        assert_eq!(dongguan.own.total, 0, "the community itself has no items");
        assert_eq!(
            (dongguan.rolled.total, dongguan.rolled.problems),
            (2, 1),
            "its two grids"
        );
        let town = row("town-chengguan");
        assert_eq!((town.depth, town.has_children), (0, true));
        let own_town = e
            .by_unit(t(NOON))
            .into_iter()
            .find(|u| u.unit == "town-chengguan")
            .expect("town items");
        assert_eq!(town.own, own_town);
        // The township's own items, the two grids and 西关村.
        assert_eq!(town.rolled.total, own_town.total + 3);
        assert_eq!(town.rolled.problems, own_town.problems + 1);
        assert_eq!(
            town.rolled.done,
            own_town.done + 2,
            "two patrols done, one problem"
        );

        // 河东镇's own grid patrol summary is the drill's overdue item; its villages are done.
        let hedong = row("town-hedong");
        assert_eq!(hedong.own.overdue, 1);
        assert_eq!(hedong.rolled.overdue, 1);
        assert_eq!(hedong.rolled.total, hedong.own.total + 2);

        // Tree order: every row's parent comes before it, children right after their parent.
        for (i, r) in rows.iter().enumerate() {
            if let Some(parent) = &r.parent {
                let pi = rows.iter().position(|x| &x.unit == parent).expect("parent");
                assert!(pi < i, "{} before {}", parent, r.unit);
                assert!(rows[pi + 1..i].iter().all(|x| x.depth > rows[pi].depth));
            }
        }
        // Units without any item in their subtree are not listed (the power company has none).
        assert!(rows.iter().all(|r| r.unit != "power"));
        // The roots' rolled totals cover every live item exactly once.
        let live = e.filter(None, StatusFilter::Live, t(NOON)).len();
        let roots: usize = rows
            .iter()
            .filter(|r| r.depth == 0)
            .map(|r| r.rolled.total)
            .sum();
        assert_eq!(roots, live);

        // Selecting the township filters to its subtree; collapsing it hides the grids.
        let sub = subtree_of(&rows, "town-chengguan");
        assert_eq!(
            sub.into_iter().collect::<Vec<_>>(),
            [
                "cg-dongguan",
                "cg-dongguan-g1",
                "cg-dongguan-g2",
                "cg-xiguan",
                "town-chengguan"
            ]
        );
        assert_eq!(subtree_of(&rows, "cg-xiguan").len(), 1);
        assert!(subtree_of(&rows, "nowhere").is_empty());
        let collapsed: BTreeSet<String> = ["town-chengguan".to_owned()].into();
        assert!(hidden_by(&rows, "cg-dongguan-g1", &collapsed));
        assert!(hidden_by(&rows, "cg-dongguan", &collapsed));
        assert!(!hidden_by(&rows, "town-chengguan", &collapsed));
        assert!(!hidden_by(&rows, "hd-liji", &collapsed));
    }

    #[test]
    fn units_the_tree_does_not_know_are_listed_as_roots() {
        let (mut s, mut j) = fresh();
        drill(&mut s, &mut j);
        let e = s.model().current().expect("episode");
        let empty_tree = UnitTree::default();
        let rows = unit_rows(e, &empty_tree, t(NOON));
        assert_eq!(rows.len(), e.by_unit(t(NOON)).len());
        assert!(
            rows.iter()
                .all(|r| r.depth == 0 && !r.has_children && r.own == r.rolled)
        );
    }
}

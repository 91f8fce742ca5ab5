//! Station metadata: code, name, area, coordinates and the source's UTC offset.

use std::collections::HashMap;

/// Index of a station in the [`StationTable`]; stable for the life of a store.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct StationId(pub u32);

/// What is known about one station (or forecast location). Every field but the code may be
/// unknown; loaders fill what their format carries.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Station {
    /// The source's code (CNEMC `1001A`, an OpenAQ location id, a user's own code).
    pub code: String,
    /// Display name, status text removed (`定陵`).
    pub name: Option<String>,
    /// City or area the station belongs to (CNEMC city, e.g. `北京`).
    pub area: Option<String>,
    /// Province-level division, when known.
    pub province: Option<String>,
    /// Longitude in degrees east.
    pub lon: Option<f64>,
    /// Latitude in degrees north.
    pub lat: Option<f64>,
    /// Status remark taken out of the name (e.g. `停运150702`), or the control-site flag.
    pub remark: Option<String>,
    /// Whether this is a background/control site (对照点), which is not counted in city means.
    pub control_site: bool,
    /// UTC offset of the source's timestamps, seconds east (CNEMC: 28800). Used for display.
    pub utc_offset_s: i32,
}

impl Station {
    /// A station known only by its code, on China Standard Time.
    pub fn with_code(code: &str) -> Self {
        Station {
            code: code.to_string(),
            utc_offset_s: 8 * 3600,
            ..Default::default()
        }
    }

    /// The name to show: the name, else the code.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.code)
    }

    /// Fill every empty field of `self` from `other` (never overwrite what is known).
    fn fill_from(&mut self, other: Station) {
        fn fill<T>(slot: &mut Option<T>, v: Option<T>) {
            if slot.is_none() {
                *slot = v;
            }
        }
        fill(&mut self.name, other.name);
        fill(&mut self.area, other.area);
        fill(&mut self.province, other.province);
        fill(&mut self.lon, other.lon);
        fill(&mut self.lat, other.lat);
        fill(&mut self.remark, other.remark);
        self.control_site |= other.control_site;
    }
}

/// All stations, addressable by [`StationId`] or by code.
#[derive(Debug, Clone, Default)]
pub struct StationTable {
    stations: Vec<Station>,
    by_code: HashMap<String, StationId>,
}

impl StationTable {
    /// Add a station, or fill the gaps of the one with the same code. Returns its id.
    pub fn upsert(&mut self, station: Station) -> StationId {
        if let Some(&id) = self.by_code.get(&station.code) {
            self.stations[id.0 as usize].fill_from(station);
            return id;
        }
        let id = StationId(self.stations.len() as u32);
        self.by_code.insert(station.code.clone(), id);
        self.stations.push(station);
        id
    }

    /// The station with this id. Ids come from this table, so the lookup cannot miss.
    pub fn get(&self, id: StationId) -> &Station {
        &self.stations[id.0 as usize]
    }

    /// The id of the station with this code.
    pub fn find(&self, code: &str) -> Option<StationId> {
        self.by_code.get(code).copied()
    }

    /// All stations with their ids, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (StationId, &Station)> {
        self.stations
            .iter()
            .enumerate()
            .map(|(i, s)| (StationId(i as u32), s))
    }

    /// Number of stations.
    pub fn len(&self) -> usize {
        self.stations.len()
    }

    /// Whether no station is known.
    pub fn is_empty(&self) -> bool {
        self.stations.is_empty()
    }

    /// Stations of an area (by the `area` field), control sites excluded, sorted by code.
    pub fn in_area(&self, area: &str) -> Vec<StationId> {
        let mut ids: Vec<(String, StationId)> = self
            .iter()
            .filter(|(_, s)| !s.control_site && s.area.as_deref() == Some(area))
            .map(|(id, s)| (s.code.clone(), id))
            .collect();
        ids.sort();
        ids.into_iter().map(|(_, id)| id).collect()
    }

    /// Every distinct area name, sorted.
    pub fn areas(&self) -> Vec<String> {
        let mut areas: Vec<String> = self
            .stations
            .iter()
            .filter_map(|s| s.area.clone())
            .collect();
        areas.sort();
        areas.dedup();
        areas
    }
}

//! The map's data from the store: [`MapSource`] is what depends only on which stations are shown
//! (their projected positions, the interpolation grid, city centroids, the own area's outline) and
//! is built once; [`map_at`] fills in one hour (values, alerts, wind) — the step a replay repeats.

use std::collections::BTreeMap;
use std::sync::Arc;

use geo::{Buffer, ConvexHull, MultiPoint, Point};

use super::colour::{aqi_bands, pm25_bands};
use super::idw::IdwGrid;
use super::map::{MapAlert, MapData, MapLayer, MapStation, MapWind, Shading};
use super::projection::LocalProjection;
use crate::domain::alerts::{self, AlertRule, AlertSettings};
use crate::domain::aqi::{AqiConfig, station_hourly, stations_with_pollutants};
use crate::i18n::{T, Tr};
use crate::ingest::BaseLayer;
use crate::store::{Hour, SeriesKey, SeriesKind, StationId, Store, Variable};
use crate::workspace::Language;

/// What the dots show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MapPollutant {
    /// Real-time AQI (HJ 633 by date), category colours.
    #[default]
    Aqi,
    /// PM2.5 hourly concentration, the PM2.5 bands.
    Pm25,
}

/// The desk's own area on the map: name, its stations, and its outline (km).
pub type OwnArea = (String, Vec<StationId>, Vec<(f64, f64)>);

/// The part of the map that does not change with the hour.
#[derive(Debug, Clone)]
pub struct MapSource {
    /// The projection.
    pub projection: LocalProjection,
    /// Stations shown: every station with pollutant data and coordinates, by code.
    pub stations: Vec<StationId>,
    /// Their projected positions, km.
    pub points: Vec<(f64, f64)>,
    /// The interpolation grid over them (`None` with fewer than three in a plane).
    pub grid: Option<Arc<IdwGrid>>,
    /// City names at their stations' centroid, km.
    pub cities: Vec<(String, (f64, f64))>,
    /// The desk's own area.
    pub own: Option<OwnArea>,
    /// Base layers, projected.
    pub layers: Vec<MapLayer>,
}

impl MapSource {
    /// The source for every station of `store` with pollutant data and coordinates; `own` names
    /// the desk's area and its stations. `None` when no station has coordinates.
    pub fn new(
        store: &Store,
        own: Option<(&str, &[StationId])>,
        layers: &[BaseLayer],
    ) -> Option<MapSource> {
        let table = store.stations();
        let stations: Vec<StationId> = stations_with_pollutants(store)
            .into_iter()
            .filter(|&id| {
                let s = table.get(id);
                s.lon
                    .zip(s.lat)
                    .is_some_and(|(x, y)| x.is_finite() && y.is_finite())
            })
            .collect();
        let lonlat = |id: StationId| {
            let s = table.get(id);
            (s.lon.unwrap_or(0.0), s.lat.unwrap_or(0.0))
        };
        let projection = LocalProjection::centred_on(stations.iter().map(|&id| lonlat(id)))?;
        let points: Vec<(f64, f64)> = stations
            .iter()
            .map(|&id| {
                let (lon, lat) = lonlat(id);
                projection.project(lon, lat)
            })
            .collect();
        let mut by_city: BTreeMap<String, Vec<(f64, f64)>> = BTreeMap::new();
        for (&id, &p) in stations.iter().zip(&points) {
            if let Some(city) = &table.get(id).area {
                by_city.entry(city.clone()).or_default().push(p);
            }
        }
        let cities = by_city
            .into_iter()
            .map(|(name, ps)| {
                let n = ps.len() as f64;
                let c = ps.iter().fold((0.0, 0.0), |a, p| (a.0 + p.0, a.1 + p.1));
                (name, (c.0 / n, c.1 / n))
            })
            .collect();
        let own = own.map(|(name, ids)| {
            let pts: Vec<(f64, f64)> = ids
                .iter()
                .filter_map(|id| stations.iter().position(|s| s == id).map(|i| points[i]))
                .collect();
            (name.to_string(), ids.to_vec(), outline(&pts))
        });
        Some(MapSource {
            grid: IdwGrid::new(&points).map(Arc::new),
            layers: layers
                .iter()
                .map(|l| project_layer(l, &projection))
                .collect(),
            projection,
            stations,
            points,
            cities,
            own,
        })
    }
}

/// The outline around a group of stations: their convex hull grown by a margin (8 km, or 6 % of
/// the group's size), rounded — `geo`'s buffer, then its hull.
fn outline(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    if points.is_empty() {
        return Vec::new();
    }
    let mp = MultiPoint::from(
        points
            .iter()
            .map(|&(x, y)| Point::new(x, y))
            .collect::<Vec<_>>(),
    );
    let (mut lo, mut hi) = ((f64::MAX, f64::MAX), (f64::MIN, f64::MIN));
    for &(x, y) in points {
        lo = (lo.0.min(x), lo.1.min(y));
        hi = (hi.0.max(x), hi.1.max(y));
    }
    let margin = ((hi.0 - lo.0).max(hi.1 - lo.1) * 0.06).max(8.0);
    mp.buffer(margin)
        .convex_hull()
        .exterior()
        .coords()
        .map(|c| (c.x, c.y))
        .collect()
}

fn project_layer(layer: &BaseLayer, p: &LocalProjection) -> MapLayer {
    let pr = |&(lon, lat): &(f64, f64)| p.project(lon, lat);
    MapLayer {
        lines: layer
            .lines
            .iter()
            .map(|l| l.iter().map(pr).collect())
            .collect(),
        points: layer.points.iter().map(pr).collect(),
        labels: layer
            .labels
            .iter()
            .map(|(n, at)| (n.clone(), pr(at)))
            .collect(),
    }
}

/// How the map for one hour is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct MapOptions {
    /// AQI or PM2.5.
    pub pollutant: MapPollutant,
    /// Whether to shade between stations.
    pub shading: bool,
    /// Alert rules for the 爆表 and above-neighbour marks.
    pub alerts: AlertSettings,
    /// Language of the title and bands.
    pub lang: Language,
}

/// The value a station's dot shows at stamp `at`.
pub fn station_value(
    store: &Store,
    id: StationId,
    at: Hour,
    pollutant: MapPollutant,
) -> Option<f64> {
    match pollutant {
        MapPollutant::Aqi => station_hourly(store, id, at, &AqiConfig::default())
            .and_then(|h| h.result.aqi)
            .map(f64::from),
        MapPollutant::Pm25 => store
            .observed(id, Variable::Pm25)?
            .get(at)
            .filter(|v| v.is_finite())
            .map(f64::from),
    }
}

/// The map at stamp `at` (the stations' hour stamps; Beijing time in titles).
pub fn map_at(store: &Store, source: &MapSource, at: Hour, options: &MapOptions) -> MapData {
    let tr = Tr(options.lang);
    let table = store.stations();
    let values: Vec<Option<f64>> = source
        .stations
        .iter()
        .map(|&id| station_value(store, id, at, options.pollutant))
        .collect();
    let alerts = alerts_at(store, source, at, &options.alerts);
    let own_ids = source.own.as_ref().map(|o| o.1.as_slice()).unwrap_or(&[]);
    let stations: Vec<MapStation> = source
        .stations
        .iter()
        .zip(&source.points)
        .zip(&values)
        .map(|((&id, &p), &value)| {
            let s = table.get(id);
            MapStation {
                code: s.code.clone(),
                name: s.label().to_string(),
                city: s.area.clone().unwrap_or_default(),
                at: p,
                value,
                own: own_ids.contains(&id),
                alert: alerts.get(&id).copied(),
            }
        })
        .collect();
    let offset = source
        .stations
        .first()
        .map_or(8 * 3600, |&id| table.get(id).utc_offset_s);
    let local = at.to_local(offset).naive_local();
    let (bands, what) = match options.pollutant {
        MapPollutant::Aqi => (aqi_bands(options.lang), tr.t(T::MapAqi)),
        MapPollutant::Pm25 => (pm25_bands(local.date(), options.lang), tr.t(T::MapPm25)),
    };
    let shading = options
        .shading
        .then_some(())
        .and(source.grid.as_ref())
        .map(|grid| {
            let v: Vec<f32> = values
                .iter()
                .map(|v| v.map_or(f32::NAN, |x| x as f32))
                .collect();
            let mut out = Vec::new();
            grid.evaluate(&v, &mut out);
            Shading {
                grid: Arc::clone(grid),
                values: out,
            }
        });
    let reporting = values.iter().filter(|v| v.is_some()).count();
    MapData {
        title: tr.f(T::MapTitle, &[&what, &local.format("%Y-%m-%d %H:%M")]),
        subtitle: tr.f(T::MapSubtitle, &[&stations.len(), &reporting]),
        bands,
        projection: source.projection,
        stations,
        own_area: source.own.as_ref().map(|(n, _, o)| (n.clone(), o.clone())),
        cities: source.cities.clone(),
        winds: winds_at(store, &source.projection, at),
        layers: source.layers.clone(),
        shading,
    }
}

/// The 爆表 and above-neighbour alerts at `at`, each city's stations compared among themselves
/// (the alert rules' "area"), or with their nearest stations when the rules say so.
fn alerts_at(
    store: &Store,
    source: &MapSource,
    at: Hour,
    settings: &AlertSettings,
) -> BTreeMap<StationId, MapAlert> {
    let table = store.stations();
    let mut by_city: BTreeMap<Option<&str>, Vec<StationId>> = BTreeMap::new();
    for &id in &source.stations {
        let s = table.get(id);
        if !s.control_site {
            by_city.entry(s.area.as_deref()).or_default().push(id);
        }
    }
    let one_hour = AlertSettings {
        lookback_hours: 1,
        ..settings.clone()
    };
    let mut out = BTreeMap::new();
    for ids in by_city.values() {
        for a in alerts::detect(store, ids, &one_hour, at.to_utc()) {
            let mark = match a.rule {
                AlertRule::Burst => MapAlert::Burst,
                AlertRule::AboveNeighbours => MapAlert::AboveNeighbours,
                AlertRule::Silent => continue,
            };
            if let Some(id) = table.find(&a.station_code) {
                out.entry(id)
                    .and_modify(|m| {
                        if mark == MapAlert::Burst {
                            *m = mark;
                        }
                    })
                    .or_insert(mark);
            }
        }
    }
    out
}

/// Wind at `at` wherever the store has a wind speed or direction there (observed, else forecast)
/// and the place has coordinates.
fn winds_at(store: &Store, projection: &LocalProjection, at: Hour) -> Vec<MapWind> {
    let table = store.stations();
    let get = |id: StationId, variable: Variable| {
        [SeriesKind::Observed, SeriesKind::Forecast]
            .into_iter()
            .find_map(|kind| {
                store
                    .series(SeriesKey {
                        station: id,
                        variable,
                        kind,
                    })?
                    .get(at)
                    .filter(|v| v.is_finite())
            })
            .map(f64::from)
    };
    table
        .iter()
        .filter_map(|(id, s)| {
            let from_deg = get(id, Variable::WindDirection);
            let speed = get(id, Variable::WindSpeed);
            if from_deg.is_none() && speed.is_none() {
                return None;
            }
            Some(MapWind {
                at: projection.project(s.lon?, s.lat?),
                from_deg,
                speed,
            })
        })
        .collect()
}

//! Base layers the centre supplies for the map — county or township boundaries, roads, enterprise
//! locations — from a GeoJSON file (`.geojson`/`.json`) or an ESRI Shapefile (`.shp`; only the
//! geometry is read, not the `.dbf` attributes). Parsing is the `geojson` and `shapefile` crates';
//! this module only flattens what they read into lines, points and labels to draw.
//!
//! Coordinates must be longitude/latitude in degrees (WGS 84 or CGCS2000, which agree to
//! centimetres); a file in projected metres is refused with that reason. Nothing is bundled: a
//! published map of China needs an approved base map, so the map is honest without one.

use std::path::Path;

use geo::{Geometry, InteriorPoint};

use super::Reason;

/// Most coordinates kept from one file (a county's township boundaries are tens of thousands);
/// beyond this the file is refused, so memory stays bounded.
pub const MAX_POINTS: usize = 2_000_000;

/// GeoJSON property names taken as a feature's label.
const NAME_KEYS: [&str; 8] = [
    "name", "NAME", "Name", "名称", "name_zh", "NAME_CN", "NAME_CHN", "地名",
];

/// One base layer, in longitude/latitude degrees.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BaseLayer {
    /// The file's name without extension (shown in the legend).
    pub name: String,
    /// Polylines and polygon rings.
    pub lines: Vec<Vec<(f64, f64)>>,
    /// Point features (enterprises, sites).
    pub points: Vec<(f64, f64)>,
    /// Names of polygon features at an interior point (GeoJSON `name`/`名称` properties).
    pub labels: Vec<(String, (f64, f64))>,
}

impl BaseLayer {
    fn point_count(&self) -> usize {
        self.lines.iter().map(Vec::len).sum::<usize>() + self.points.len()
    }

    /// Add a geometry (collections recursively).
    fn add(&mut self, g: &Geometry<f64>) {
        let ring = |ls: &geo::LineString<f64>| ls.coords().map(|c| (c.x, c.y)).collect::<Vec<_>>();
        match g {
            Geometry::Point(p) => self.points.push((p.x(), p.y())),
            Geometry::MultiPoint(mp) => self.points.extend(mp.iter().map(|p| (p.x(), p.y()))),
            Geometry::Line(l) => self
                .lines
                .push(vec![(l.start.x, l.start.y), (l.end.x, l.end.y)]),
            Geometry::LineString(ls) => self.lines.push(ring(ls)),
            Geometry::MultiLineString(m) => self.lines.extend(m.iter().map(ring)),
            Geometry::Polygon(p) => {
                self.lines.push(ring(p.exterior()));
                self.lines.extend(p.interiors().iter().map(ring));
            }
            Geometry::MultiPolygon(m) => {
                for p in m {
                    self.add(&Geometry::Polygon(p.clone()));
                }
            }
            Geometry::Rect(r) => self.add(&Geometry::Polygon(r.to_polygon())),
            Geometry::Triangle(t) => self.add(&Geometry::Polygon(t.to_polygon())),
            Geometry::GeometryCollection(c) => c.iter().for_each(|g| self.add(g)),
        }
    }

    /// Refuse coordinates that are not longitude/latitude.
    fn check(&self) -> Result<(), Reason> {
        let all = self.lines.iter().flatten().chain(&self.points);
        if let Some((x, y)) = all
            .copied()
            .find(|(x, y)| !(x.is_finite() && y.is_finite() && x.abs() <= 180.0 && y.abs() <= 90.0))
        {
            return Err(Reason::Projected { x, y });
        }
        if self.point_count() == 0 {
            return Err(Reason::NoGeometry);
        }
        Ok(())
    }
}

/// Read a base layer from a GeoJSON or Shapefile path (by extension: `.shp` is a Shapefile,
/// anything else is read as GeoJSON). The error says why the file cannot be used.
pub fn load_base_layer(path: &Path) -> Result<BaseLayer, Reason> {
    let mut layer = BaseLayer {
        name: path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
        ..BaseLayer::default()
    };
    let is_shp = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("shp"));
    if is_shp {
        read_shapefile(path, &mut layer)?;
    } else {
        let bytes =
            super::input::read_file(path, super::input::MAX_FILE_BYTES).map_err(|e| e.reason())?;
        read_geojson(&String::from_utf8_lossy(&bytes), &mut layer)?;
    }
    layer.check()?;
    Ok(layer)
}

fn too_big() -> Reason {
    Reason::TooManyPoints { limit: MAX_POINTS }
}

fn read_shapefile(path: &Path, layer: &mut BaseLayer) -> Result<(), Reason> {
    let shapes = shapefile::read_shapes(path).map_err(|e| Reason::NotShapefile {
        detail: e.to_string(),
    })?;
    for shape in shapes {
        if let Ok(g) = Geometry::<f64>::try_from(shape) {
            layer.add(&g);
        }
        if layer.point_count() > MAX_POINTS {
            return Err(too_big());
        }
    }
    Ok(())
}

fn read_geojson(text: &str, layer: &mut BaseLayer) -> Result<(), Reason> {
    let parsed: geojson::GeoJson =
        text.trim_start_matches('\u{feff}')
            .parse()
            .map_err(|e: geojson::Error| Reason::NotGeoJson {
                detail: e.to_string(),
            })?;
    let features: Vec<geojson::Feature> = match parsed {
        geojson::GeoJson::FeatureCollection(c) => c.features,
        geojson::GeoJson::Feature(f) => vec![f],
        geojson::GeoJson::Geometry(g) => vec![geojson::Feature {
            geometry: Some(g),
            ..geojson::Feature::default()
        }],
    };
    for f in &features {
        let Some(g) = &f.geometry else { continue };
        let Ok(geometry) = Geometry::<f64>::try_from(&g.value) else {
            continue;
        };
        layer.add(&geometry);
        let name = NAME_KEYS
            .iter()
            .find_map(|k| f.property(k)?.as_str())
            .filter(|n| !n.trim().is_empty());
        if let (Some(name), Geometry::Polygon(_) | Geometry::MultiPolygon(_)) = (name, &geometry)
            && let Some(p) = geometry.interior_point()
        {
            layer.labels.push((name.trim().to_string(), (p.x(), p.y())));
        }
        if layer.point_count() > MAX_POINTS {
            return Err(too_big());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geojson_polygons_lines_points_and_names() {
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"名称":"示例县"},"geometry":{"type":"Polygon",
            "coordinates":[[[114.0,36.0],[115.0,36.0],[115.0,37.0],[114.0,37.0],[114.0,36.0]]]}},
          {"type":"Feature","properties":{},"geometry":{"type":"LineString",
            "coordinates":[[114.1,36.1],[114.9,36.9]]}},
          {"type":"Feature","properties":{"name":"厂"},"geometry":{"type":"Point","coordinates":[114.5,36.5]}},
          {"type":"Feature","properties":{},"geometry":null}
        ]}"#;
        let mut layer = BaseLayer::default();
        read_geojson(text, &mut layer).expect("read");
        layer.check().expect("degrees");
        assert_eq!(layer.lines.len(), 2);
        assert_eq!(layer.lines[0].len(), 5);
        assert_eq!(layer.points, vec![(114.5, 36.5)]);
        assert_eq!(layer.labels.len(), 1, "only polygons are labelled");
        assert_eq!(layer.labels[0].0, "示例县");
    }

    #[test]
    fn projected_metres_and_junk_are_refused_with_a_reason() {
        let mut layer = BaseLayer::default();
        read_geojson(
            r#"{"type":"Point","coordinates":[500000.0,4000000.0]}"#,
            &mut layer,
        )
        .expect("parses");
        let err = layer.check().unwrap_err();
        assert!(
            super::super::reason::en(&err).contains("projected"),
            "{err:?}"
        );
        let mut layer = BaseLayer::default();
        let err = read_geojson("not json", &mut layer).unwrap_err();
        assert!(matches!(err, Reason::NotGeoJson { .. }), "{err:?}");
        let err = load_base_layer(Path::new("/nonexistent/x.shp")).unwrap_err();
        assert!(matches!(err, Reason::NotShapefile { .. }), "{err:?}");
    }
}

//! The map's projection: a local equirectangular projection about the middle of the stations,
//! x = R · (λ − λ₀) · cos φ₀, y = R · (φ − φ₀), in kilometres.
//!
//! For the region a desk looks at (a province or the "2+26" corridor, a few hundred kilometres
//! across) this is within about 1 % in north–south distances everywhere and within 3–5 % in
//! east–west distances at 3° of latitude from the middle; the scale bar holds at the middle
//! latitude, which the map says. North is up everywhere. Not for national maps.

use super::geometry::PixelRect;

/// Mean Earth radius, km.
const EARTH_RADIUS_KM: f64 = 6371.0;

/// Longitude/latitude (degrees) ↔ kilometres east/north of the projection's centre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LocalProjection {
    /// Centre longitude, degrees east.
    pub lon0: f64,
    /// Centre latitude, degrees north.
    pub lat0: f64,
    cos0: f64,
}

impl LocalProjection {
    /// A projection centred at `(lon0, lat0)`.
    pub fn new(lon0: f64, lat0: f64) -> Self {
        LocalProjection {
            lon0,
            lat0,
            cos0: lat0.to_radians().cos().max(0.01),
        }
    }

    /// The projection centred on the middle of the bounding box of `points` (lon, lat); `None`
    /// without points.
    pub fn centred_on(points: impl IntoIterator<Item = (f64, f64)>) -> Option<Self> {
        let mut b: Option<(f64, f64, f64, f64)> = None;
        for (lon, lat) in points {
            if !(lon.is_finite() && lat.is_finite()) {
                continue;
            }
            b = Some(match b {
                None => (lon, lat, lon, lat),
                Some((a, c, d, e)) => (a.min(lon), c.min(lat), d.max(lon), e.max(lat)),
            });
        }
        let (w, s, e, n) = b?;
        Some(LocalProjection::new((w + e) / 2.0, (s + n) / 2.0))
    }

    /// Kilometres east and north of the centre.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let k = EARTH_RADIUS_KM * std::f64::consts::PI / 180.0;
        ((lon - self.lon0) * k * self.cos0, (lat - self.lat0) * k)
    }

    /// Longitude and latitude of a projected point.
    pub fn unproject(&self, x: f64, y: f64) -> (f64, f64) {
        let k = EARTH_RADIUS_KM * std::f64::consts::PI / 180.0;
        (self.lon0 + x / (k * self.cos0), self.lat0 + y / k)
    }
}

/// Projected kilometres ↔ pixels: a box of the projection fitted into a pixel rectangle with the
/// same scale both ways (north up).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapFrame {
    /// The pixel rectangle the map fills.
    pub rect: PixelRect,
    /// Projected x at the rectangle's left edge, km.
    pub x0: f64,
    /// Projected y at the rectangle's bottom edge, km.
    pub y0: f64,
    /// Pixels per kilometre.
    pub scale: f64,
}

impl MapFrame {
    /// Fit the box `(x_min, y_min, x_max, y_max)` (km) into `rect`, centred, with the same scale
    /// both ways; a box of zero size gets 20 km around it.
    pub fn fit(rect: PixelRect, (x_min, y_min, x_max, y_max): (f64, f64, f64, f64)) -> Self {
        let w = (x_max - x_min).max(20.0);
        let h = (y_max - y_min).max(20.0);
        let scale = (rect.width() / w).min(rect.height() / h).max(1e-9);
        let cx = (x_min + x_max) / 2.0;
        let cy = (y_min + y_max) / 2.0;
        MapFrame {
            rect,
            x0: cx - rect.width() / scale / 2.0,
            y0: cy - rect.height() / scale / 2.0,
            scale,
        }
    }

    /// Pixel position of a projected point.
    pub fn px(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (
            self.rect.x0 + (x - self.x0) * self.scale,
            self.rect.y1 - (y - self.y0) * self.scale,
        )
    }

    /// Projected point at a pixel.
    pub fn km(&self, (px, py): (f64, f64)) -> (f64, f64) {
        (
            self.x0 + (px - self.rect.x0) / self.scale,
            self.y0 + (self.rect.y1 - py) / self.scale,
        )
    }
}

/// A "nice" step (1, 2 or 5 × 10ⁿ) near `raw`.
pub fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let p = 10f64.powf(raw.log10().floor());
    let f = raw / p;
    let m = if f < 1.5 {
        1.0
    } else if f < 3.5 {
        2.0
    } else if f < 7.5 {
        5.0
    } else {
        10.0
    };
    m * p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_match_the_geodesic_within_the_stated_error() {
        use geo::{Distance, Geodesic, Point};
        // 邯郸 (114.49 E, 36.61 N) to 北京 (116.40 E, 39.90 N) and to 郑州 (113.65 E, 34.76 N),
        // projected about the corridor's middle.
        let p = LocalProjection::new(115.0, 37.5);
        for (a, b) in [
            ((114.49, 36.61), (116.40, 39.90)),
            ((114.49, 36.61), (113.65, 34.76)),
            ((112.55, 37.87), (117.2, 39.12)),
        ] {
            let (ax, ay) = p.project(a.0, a.1);
            let (bx, by) = p.project(b.0, b.1);
            let planar = (ax - bx).hypot(ay - by);
            let true_km = Geodesic.distance(Point::new(a.0, a.1), Point::new(b.0, b.1)) / 1000.0;
            let err = (planar - true_km).abs() / true_km;
            assert!(err < 0.03, "{a:?}–{b:?}: {planar:.1} vs {true_km:.1} km");
        }
        let (x, y) = p.project(116.4, 39.9);
        let (lon, lat) = p.unproject(x, y);
        assert!((lon - 116.4).abs() < 1e-9 && (lat - 39.9).abs() < 1e-9);
    }

    #[test]
    fn frame_keeps_north_up_and_one_scale() {
        let f = MapFrame::fit(
            PixelRect::new(0.0, 0.0, 400.0, 200.0),
            (-100.0, -50.0, 100.0, 50.0),
        );
        assert_eq!(f.scale, 2.0);
        assert_eq!(f.px((0.0, 0.0)), (200.0, 100.0));
        assert_eq!(f.px((0.0, 50.0)), (200.0, 0.0), "north is up");
        assert_eq!(f.km((200.0, 100.0)), (0.0, 0.0));
        assert_eq!(nice_step(37.0), 50.0);
        assert_eq!(nice_step(0.3), 0.2);
        assert_eq!(nice_step(1.2), 1.0);
    }
}

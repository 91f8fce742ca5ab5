//! What an upper-air sounding says about dispersion near the ground: whether a surface-based
//! temperature inversion caps the air, how strong it is, and how high the air mixes.
//!
//! Pure functions on plain levels; the CMA loader feeds them. Definitions (also in the user
//! documentation of the values):
//! - **Surface inversion**: starting at the surface level and going up through the reported
//!   levels, temperature does not fall; the inversion top is the warmest level of that run.
//!   Strength = (T_top − T_surface) / (z_top − z_surface) × 100, in °C per 100 m (typical heavy-
//!   pollution days in eastern China: 0.7–4.0 °C/100 m, DOMAIN.md §4). Without a surface
//!   inversion the value is the lapse from the surface to the first level at least
//!   [`LAPSE_DEPTH_M`] above it, capped at 0, so that ≤ 0 always means "none".
//! - **Mixing height** (dry-parcel method, Holzworth 1964; Seibert et al. 2000): the height above
//!   ground where the potential temperature first exceeds the surface value by
//!   [`PARCEL_EXCESS_K`], interpolated linearly between levels. It describes the hour of the
//!   sounding (00 and 12 UTC are 08 and 20 Beijing time: morning and evening, not the afternoon
//!   maximum).
//!
//! Levels without a height (significant temperature levels) get one from the hypsometric
//! equation with virtual temperature, integrated from the nearest level below. Real files mix in
//! levels recorded after the balloon burst (the sonde falling back: later time, higher pressure,
//! often with error temperatures such as −89.9 °C): a level reached later than a level above it
//! (by more than [`DESCENT_TOLERANCE_S`]) is dropped and counted.

/// Gas constant of dry air, J/(kg·K).
const RD: f64 = 287.05;
/// Standard gravity, m/s².
const G0: f64 = 9.806_65;
/// 0 °C in kelvin.
const T0: f64 = 273.15;
/// Minimum depth over which the lapse is taken when there is no surface inversion, m.
pub const LAPSE_DEPTH_M: f64 = 50.0;
/// Potential-temperature excess of the rising parcel, K.
pub const PARCEL_EXCESS_K: f64 = 0.5;
/// A level whose elapsed time exceeds that of a level above it by more than this was recorded
/// on the way down, s.
pub const DESCENT_TOLERANCE_S: f64 = 60.0;

/// One reported level of a sounding.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Level {
    /// Pressure, hPa.
    pub pressure_hpa: f64,
    /// Geopotential height, m above sea level, when reported.
    pub height_m: Option<f64>,
    /// Air temperature, °C.
    pub temperature_c: f64,
    /// Dew point, °C, when reported (for the virtual-temperature correction).
    pub dew_point_c: Option<f64>,
    /// Whether the level is the surface (station) level.
    pub surface: bool,
    /// Seconds since launch, when reported (to recognise descent data).
    pub elapsed_s: Option<f64>,
}

/// The dispersion-relevant facts of one sounding.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Analysis {
    /// Surface-based inversion strength, °C per 100 m; ≤ 0 means no surface inversion.
    pub inversion_strength: f64,
    /// Height of the inversion top above ground, m, when there is a surface inversion.
    pub inversion_top_m: Option<f64>,
    /// Mixing height above ground, m; `None` when the profile never exceeds the parcel.
    pub mixing_height_m: Option<f64>,
    /// The surface pressure used, hPa.
    pub surface_pressure_hpa: f64,
    /// Levels dropped as recorded after a level above them (descent data).
    pub descent_levels: usize,
    /// Pressures given twice with different temperatures (the first was used).
    pub conflicting_levels: usize,
}

/// A level with its height settled.
#[derive(Debug, Clone, Copy)]
struct Placed {
    p: f64,
    z: f64,
    t: f64,
}

/// Virtual temperature in K from temperature and (optional) dew point, at pressure `p` hPa.
fn virtual_temperature(t_c: f64, td_c: Option<f64>, p: f64) -> f64 {
    let t_k = t_c + T0;
    let Some(td) = td_c else { return t_k };
    // Vapour pressure (Bolton 1980), specific humidity.
    let e = 6.112 * (17.67 * td / (td + 243.5)).exp();
    let q = 0.622 * e / (p - 0.378 * e);
    if !q.is_finite() || q < 0.0 {
        return t_k;
    }
    t_k * (1.0 + 0.608 * q)
}

/// Potential temperature in K.
fn theta(t_c: f64, p: f64) -> f64 {
    (t_c + T0) * (1000.0 / p).powf(RD / 1004.0)
}

/// Why a sounding cannot be analysed (worded in either language by `i18n`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unusable {
    /// No level marked as the surface, and none with a height.
    NoSurfaceLevel,
    /// The surface level has no height.
    NoSurfaceHeight,
    /// Nothing above the surface level.
    NoLevelAbove,
}

/// Analyse one sounding. `Err` says why it cannot be analysed.
pub fn analyse(levels: &[Level]) -> Result<Analysis, Unusable> {
    let mut ls: Vec<Level> = levels
        .iter()
        .copied()
        .filter(|l| {
            l.pressure_hpa.is_finite()
                && l.pressure_hpa > 0.0
                && l.pressure_hpa <= 1100.0
                && l.temperature_c.is_finite()
                && (-100.0..=60.0).contains(&l.temperature_c)
        })
        .collect();
    // Stable sort: of two rows with one pressure, the first in the file comes first.
    ls.sort_by(|a, b| b.pressure_hpa.total_cmp(&a.pressure_hpa));
    // Descent data: reached later than some level above it.
    let mut earliest_above = f64::INFINITY;
    let mut keep = vec![true; ls.len()];
    for i in (0..ls.len()).rev() {
        if let Some(t) = ls[i].elapsed_s {
            if t > earliest_above + DESCENT_TOLERANCE_S {
                keep[i] = false;
                continue;
            }
            earliest_above = earliest_above.min(t);
        }
    }
    let descent_levels = keep.iter().filter(|k| !**k).count();
    let mut kept = keep.iter();
    ls.retain(|_| kept.next().copied().unwrap_or(false));
    // One level per pressure: repeats merge what they know; different temperatures are counted.
    let mut conflicting_levels = 0;
    let mut merged: Vec<Level> = Vec::with_capacity(ls.len());
    for l in ls {
        match merged.last_mut() {
            Some(m) if m.pressure_hpa == l.pressure_hpa => {
                if m.temperature_c == l.temperature_c {
                    m.height_m = m.height_m.or(l.height_m);
                    m.dew_point_c = m.dew_point_c.or(l.dew_point_c);
                    m.surface |= l.surface;
                } else {
                    conflicting_levels += 1;
                }
            }
            _ => merged.push(l),
        }
    }
    let ls = merged;
    let surface = ls
        .iter()
        .position(|l| l.surface && l.height_m.is_some())
        .or_else(|| ls.iter().position(|l| l.height_m.is_some()))
        .ok_or(Unusable::NoSurfaceLevel)?;
    let sfc = ls[surface];
    let z_sfc = sfc.height_m.ok_or(Unusable::NoSurfaceHeight)?;
    // Levels below ground (standard levels extrapolated under the surface) are dropped.
    let above: Vec<Level> = ls[surface + 1..]
        .iter()
        .copied()
        .filter(|l| l.pressure_hpa < sfc.pressure_hpa)
        .collect();
    if above.is_empty() {
        return Err(Unusable::NoLevelAbove);
    }
    let mut placed = vec![Placed {
        p: sfc.pressure_hpa,
        z: z_sfc,
        t: sfc.temperature_c,
    }];
    let mut prev = sfc;
    for l in above {
        let below = placed[placed.len() - 1];
        let tv = 0.5
            * (virtual_temperature(prev.temperature_c, prev.dew_point_c, prev.pressure_hpa)
                + virtual_temperature(l.temperature_c, l.dew_point_c, l.pressure_hpa));
        let hypsometric = below.z + RD / G0 * tv * (below.p / l.pressure_hpa).ln();
        let z = match l.height_m {
            Some(h) if h > below.z => h,
            _ => hypsometric,
        };
        placed.push(Placed {
            p: l.pressure_hpa,
            z,
            t: l.temperature_c,
        });
        prev = l;
    }

    // Surface inversion: the run of non-falling temperature from the surface up.
    let mut top = 0;
    let mut i = 0;
    while i + 1 < placed.len() && placed[i + 1].t >= placed[i].t {
        i += 1;
        if placed[i].t >= placed[top].t {
            top = i;
        }
    }
    let base = placed[0];
    let (inversion_strength, inversion_top_m) = if top > 0 && placed[top].t > base.t {
        let dz = placed[top].z - base.z;
        // A top less than a metre up is a reporting artefact, not a metre-thick inversion.
        ((placed[top].t - base.t) / dz.max(1.0) * 100.0, Some(dz))
    } else {
        let reference = placed
            .iter()
            .skip(1)
            .find(|l| l.z - base.z >= LAPSE_DEPTH_M)
            .unwrap_or(&placed[1]);
        let dz = (reference.z - base.z).max(1.0);
        (((reference.t - base.t) / dz * 100.0).min(0.0), None)
    };

    // Mixing height: where θ first exceeds the surface θ + excess.
    let theta_0 = theta(base.t, base.p) + PARCEL_EXCESS_K;
    let mut mixing_height_m = None;
    for w in placed.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (ta, tb) = (theta(a.t, a.p), theta(b.t, b.p));
        if tb >= theta_0 {
            let f = if tb > ta {
                ((theta_0 - ta) / (tb - ta)).clamp(0.0, 1.0)
            } else {
                1.0
            };
            mixing_height_m = Some(a.z + f * (b.z - a.z) - base.z);
            break;
        }
    }
    Ok(Analysis {
        inversion_strength,
        inversion_top_m,
        mixing_height_m,
        surface_pressure_hpa: base.p,
        descent_levels,
        conflicting_levels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(p: f64, z: Option<f64>, t: f64, surface: bool) -> Level {
        Level {
            pressure_hpa: p,
            height_m: z,
            temperature_c: t,
            dew_point_c: None,
            surface,
            elapsed_s: None,
        }
    }

    #[test]
    fn surface_inversion_strength_and_top() {
        // 0.5 °C warmer 100 m up, then cooling: 0.5 °C/100 m over a 100 m layer, unsorted input.
        let levels = [
            level(900.0, Some(1000.0), 10.0, false),
            level(1000.0, Some(0.0), 10.0, true),
            level(988.0, Some(100.0), 10.5, false),
            level(950.0, Some(430.0), 8.0, false),
        ];
        let a = analyse(&levels).expect("analysable");
        assert!((a.inversion_strength - 0.5).abs() < 1e-9, "{a:?}");
        assert_eq!(a.inversion_top_m, Some(100.0));
        let mh = a.mixing_height_m.expect("mixing height");
        assert!(mh < 100.0, "the inversion caps mixing: {mh}");
    }

    #[test]
    fn no_inversion_gives_the_lapse_and_a_deep_mixed_layer() {
        // Dry-adiabatic to 1 km (θ constant), then stable.
        let levels = [
            level(1000.0, Some(0.0), 20.0, true),
            level(950.0, None, 15.6, false),
            level(900.0, None, 11.0, false),
            level(850.0, None, 10.0, false),
        ];
        let a = analyse(&levels).expect("analysable");
        assert!(
            a.inversion_strength < 0.0 && a.inversion_strength > -1.1,
            "{a:?}"
        );
        assert_eq!(a.inversion_top_m, None);
        let mh = a.mixing_height_m.expect("mixing height");
        // 900 hPa is ~ 950 m above 1000 hPa at these temperatures; the stable layer starts there.
        assert!((850.0..1400.0).contains(&mh), "{mh}");
    }

    #[test]
    fn heights_from_the_hypsometric_equation() {
        // 0 °C at the surface, +1 °C at 900 hPa (dry): z = Rd·T̄/g · ln(1000/900) with T̄ = 273.65 K.
        let levels = [
            level(1000.0, Some(0.0), 0.0, true),
            level(900.0, None, 1.0, false),
            level(800.0, None, -5.0, false),
        ];
        let a = analyse(&levels).expect("analysable");
        let expected = RD * (T0 + 0.5) / G0 * (1000.0_f64 / 900.0).ln();
        assert!((expected - 843.0).abs() < 2.0, "{expected}");
        let top = a.inversion_top_m.expect("inversion");
        assert!((top - expected).abs() < 1e-6, "{top} vs {expected}");
        assert!((a.inversion_strength - 100.0 / expected).abs() < 1e-9);
    }

    #[test]
    fn isothermal_layer_is_no_inversion() {
        let levels = [
            level(1000.0, Some(0.0), 0.0, true),
            level(900.0, None, 0.0, false),
            level(800.0, None, -5.0, false),
        ];
        let a = analyse(&levels).expect("analysable");
        assert_eq!((a.inversion_strength, a.inversion_top_m), (0.0, None));
    }

    #[test]
    fn drops_levels_recorded_on_the_way_down() {
        let timed = |p: f64, z: Option<f64>, t: f64, s: bool, secs: f64| Level {
            elapsed_s: Some(secs),
            ..level(p, z, t, s)
        };
        let levels = [
            timed(1000.0, Some(0.0), 20.0, true, 0.0),
            timed(900.0, None, 14.0, false, 200.0),
            timed(800.0, None, 8.0, false, 400.0),
            // Descent: the sonde falls back through 950 and 1000 hPa an hour later.
            timed(950.0, None, -89.9, false, 3400.0),
            timed(1000.0, None, -89.9, false, 3450.0),
        ];
        let a = analyse(&levels).expect("analysable");
        assert_eq!(a.descent_levels, 2);
        assert_eq!(a.conflicting_levels, 0);
        assert!(a.inversion_strength < 0.0, "{a:?}");
    }

    #[test]
    fn refuses_what_cannot_be_analysed() {
        assert!(analyse(&[]).is_err());
        assert!(analyse(&[level(1000.0, Some(5.0), 20.0, true)]).is_err());
        assert!(
            analyse(&[
                level(1000.0, None, 20.0, true),
                level(900.0, None, 15.0, false)
            ])
            .is_err()
        );
    }
}

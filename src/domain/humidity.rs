//! Humidity conversions (Magnus formula) shared by loaders and the weather analyses: sources give
//! either dew point or relative humidity, the analyses want both.

/// Relative humidity (%) from temperature and dew point (°C), Magnus formula with the
/// Alduchov & Eskridge (1996) constants; capped at 100 % (rounded inputs can put Td above T).
pub fn relative_humidity(temperature: f32, dew_point: f32) -> f32 {
    const A: f32 = 17.625;
    const B: f32 = 243.04;
    let rh =
        100.0 * ((A * dew_point / (B + dew_point)) - (A * temperature / (B + temperature))).exp();
    rh.min(100.0)
}

/// Dew point (°C) from temperature (°C) and relative humidity (%), the inverse of
/// [`relative_humidity`]; for sources that give RH but no dew point.
pub fn dew_point(temperature: f32, relative_humidity: f32) -> f32 {
    const A: f32 = 17.625;
    const B: f32 = 243.04;
    let g = (relative_humidity.max(0.1) / 100.0).ln() + A * temperature / (B + temperature);
    B * g / (A - g)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magnus_round_trips() {
        let rh = relative_humidity(10.0, 5.0);
        assert!((rh - 71.1).abs() < 0.5, "{rh}");
        assert!((dew_point(10.0, rh) - 5.0).abs() < 1e-3);
        assert_eq!(relative_humidity(-5.0, -4.0), 100.0);
    }
}

// Shared by every target (included with `include!`): parse as one format and check the report.

/// Parse `data` as `format` (or detect it when `None`) and check that the report is consistent.
pub fn run(format: Option<airdesk::ingest::Format>, data: &[u8]) {
    let path = std::path::Path::new("fuzz-input");
    let (batch, report) = match format {
        Some(f) => airdesk::ingest::parse_bytes_as(path, data, f),
        None => airdesk::ingest::parse_bytes(path, data),
    };
    assert!(report.values_kept <= report.cells_seen);
    assert_eq!(report.values_kept, batch.value_count() as u64);
    assert!(report.problems.iter().all(|p| p.file == path));
    assert!(batch.chunks.iter().all(|c| c.station < batch.stations.len()));
    assert!(batch.chunks.iter().all(|c| c.values.iter().all(|v| v.is_nan() || v.is_finite())));
}

//! What the frame benchmarks share: the vertices a frame tessellates to, this thread's CPU time,
//! and the mean wall and CPU time of a frame.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Tessellate a frame's output as the renderer would; the number of mesh vertices.
pub fn tessellated_vertices(ctx: &egui::Context, mut output: egui::FullOutput) -> usize {
    output.textures_delta.clear();
    ctx.tessellate(output.shapes, output.pixels_per_point)
        .iter()
        .map(|p| match &p.primitive {
            egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum()
}

/// CPU time of this thread (user + system) from /proc, or `None` off Linux. The machine running
/// the benchmarks may be shared, so CPU time is the figure that matters, not wall time.
pub fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    // Fields 14 and 15 of stat(5) (utime, stime) are the 12th and 13th after the ')'.
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Mean wall and CPU time per frame over at least `min_secs` (and three frames), and the
/// vertices of one frame. `frame` draws one frame and returns its vertex count.
pub fn mean_frame_time(
    min_secs: f64,
    mut frame: impl FnMut() -> usize,
) -> (Duration, Option<Duration>, usize) {
    let vertices = frame();
    let cpu0 = thread_cpu();
    let t = Instant::now();
    let mut n = 0u32;
    while t.elapsed().as_secs_f64() < min_secs || n < 3 {
        black_box(frame());
        n += 1;
    }
    let wall = t.elapsed() / n;
    let cpu = cpu0.zip(thread_cpu()).map(|(a, b)| (b - a) / n);
    (wall, cpu, vertices)
}

//! The room's light: where the ceiling panels go (`runtime/lighting.rs`).

use bevy::prelude::Vec3;
use praxis::runtime::lighting::lamp_positions;

#[test]
fn lamps_spread_over_the_ceiling_and_stay_few() {
    let four = lamp_positions(Vec3::new(5.0, 2.8, 4.0));
    assert_eq!(four.len(), 4);
    assert!(four.iter().all(|p| p.x.abs() < 2.5 && p.z.abs() < 2.0));
    assert!(four.iter().all(|p| (p.y - 2.79).abs() < 1e-4));
    let long = lamp_positions(Vec3::new(12.0, 3.0, 3.0));
    assert_eq!(long.len(), 4, "a long room keeps at most four lamps");
    assert!(
        long.iter().all(|p| p.z.abs() < 1e-4),
        "one row along a corridor"
    );
    assert_eq!(lamp_positions(Vec3::new(1.5, 2.4, 1.5)).len(), 1);
}

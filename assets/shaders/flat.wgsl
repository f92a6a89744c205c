// The low graphics preset's material: a base colour lit by one fixed sun and a sky term, with
// nothing else to compute. Much cheaper than PBR on a software renderer.
#import bevy_pbr::forward_io::VertexOutput

struct Flat {
    color: vec4<f32>,
    glow: vec4<f32>,
}

@group(#{MATERIAL_BIND_GROUP}) @binding(0) var<uniform> material: Flat;

@fragment
fn fragment(in: VertexOutput) -> @location(0) vec4<f32> {
    let n = normalize(in.world_normal);
    let sun = normalize(vec3<f32>(0.35, 1.0, 0.55));
    let diffuse = max(dot(n, sun), 0.0);
    // Light from above and a little from every side, so that faces stay distinct.
    let sky = 0.5 + 0.5 * n.y;
    let light = 0.25 + 0.55 * diffuse + 0.2 * sky;
    return vec4<f32>(material.color.rgb * light + material.glow.rgb, material.color.a);
}

// The low graphics preset's material: a base colour lit by one fixed sun, a sky and a floor
// bounce term, with nothing else to compute (a ceiling panel's own light is its glow). Much
// cheaper than PBR on a software renderer.
#import bevy_pbr::forward_io::VertexOutput

struct Flat {
    color: vec4<f32>,
    glow: vec4<f32>,
}

@group(#{MATERIAL_BIND_GROUP}) @binding(0) var<uniform> material: Flat;
@group(#{MATERIAL_BIND_GROUP}) @binding(1) var base_texture: texture_2d<f32>;
@group(#{MATERIAL_BIND_GROUP}) @binding(2) var base_sampler: sampler;

@fragment
fn fragment(in: VertexOutput) -> @location(0) vec4<f32> {
    let n = normalize(in.world_normal);
    let sun = normalize(vec3<f32>(0.35, 1.0, 0.55));
    let diffuse = max(dot(n, sun), 0.0);
    // Light from above and a little from every side, so that faces stay distinct, and what the
    // floor throws back onto ceilings and undersides.
    let sky = 0.5 + 0.5 * n.y;
    let bounce = 0.5 - 0.5 * n.y;
    // A room lit from its ceiling is a little darker low down, where furniture and walls meet
    // the floor: it gives depth where flat colours alone would not.
    let height = clamp(in.world_position.y / 1.2, 0.0, 1.0);
    let light = (0.23 + 0.55 * diffuse + 0.2 * sky + 0.1 * bounce) * (0.9 + 0.1 * height);
#ifdef VERTEX_UVS_A
    let base = material.color * textureSample(base_texture, base_sampler, in.uv);
#else
    let base = material.color;
#endif
    return vec4<f32>(base.rgb * light + material.glow.rgb, base.a);
}

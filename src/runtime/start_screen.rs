//! The start screen (presentation layer): the scenarios of the folder, the learner's
//! pseudonym, the mode and the language, start on the desktop or in a headset.

use super::catalog::Catalog;
use super::flow::{Overlay, Quit, StartInHeadset, StartSession};
use super::i18n::I18n;
use super::settings::Settings;
use super::views::{ViewState, tone_color};
use super::words::Tone;
use crate::record::check_pseudonym;
use crate::scenario::model::Family;
use crate::text::Lang;
use crate::tracker::Mode;
use bevy::prelude::*;
use bevy_egui::egui;

/// What the start screen holds between frames.
#[derive(Resource, Debug, Default, Clone)]
pub struct StartScreen {
    /// The scenario chosen.
    pub chosen: usize,
    /// The app was started for a headset (`--xr`): no "start in a headset" button.
    pub in_headset: bool,
    /// The learner id being typed.
    pub learner_text: String,
    /// What is wrong with it.
    pub learner_error: Option<String>,
}

fn family(i18n: &I18n, f: &Family) -> String {
    i18n.t(match f {
        Family::Clinical => "family-clinical",
        Family::Bioproduction => "family-bioproduction",
    })
}

/// The start screen.
pub fn menu(
    root: &mut egui::Ui,
    start: &mut StartScreen,
    view: &mut ViewState,
    i18n: &mut I18n,
    settings: &mut Settings,
    catalog: &Catalog,
    commands: &mut Commands,
) {
    let l = i18n.lang.code();
    if start.learner_text.is_empty() {
        start.learner_text = settings.learner.clone();
    }
    egui::CentralPanel::default().show(root, |p| {
        p.vertical_centered(|p| {
            p.add_space(8.0);
            p.heading(egui::RichText::new(i18n.t("app-title")).size(30.0).strong());
            p.label(i18n.t("app-tagline"));
        });
        p.add_space(10.0);
        p.columns(2, |cols| {
            cols[0].heading(i18n.t("menu-scenarios"));
            egui::ScrollArea::vertical()
                .id_salt("scenarios")
                .show(&mut cols[0], |p| {
                    for (i, entry) in catalog.entries.iter().enumerate() {
                        let selected = start.chosen == i;
                        let frame = egui::Frame::group(p.style()).stroke(if selected {
                            egui::Stroke::new(2.0, egui::Color32::from_rgb(90, 160, 240))
                        } else {
                            egui::Stroke::new(1.0, egui::Color32::GRAY)
                        });
                        let resp = frame
                            .show(p, |p| {
                                p.set_width(p.available_width());
                                match &entry.scenario {
                                    Ok(sc) => {
                                        let m = &sc.model;
                                        p.label(
                                            egui::RichText::new(m.title.get(l)).strong().size(16.0),
                                        );
                                        p.label(format!(
                                            "{} · {}",
                                            family(i18n, &m.family),
                                            i18n.ta(
                                                "menu-duration",
                                                &[(
                                                    "duration",
                                                    m.estimated_duration.raw.as_str().into()
                                                )]
                                            )
                                        ));
                                        if let Some(src) = m.sources.first() {
                                            p.label(
                                                egui::RichText::new(
                                                    i18n.ta(
                                                        "menu-source",
                                                        &[(
                                                            "source",
                                                            format!(
                                                                "{} — {}",
                                                                src.title, src.publisher
                                                            )
                                                            .into(),
                                                        )],
                                                    ),
                                                )
                                                .small(),
                                            );
                                        }
                                    }
                                    Err(e) => {
                                        p.label(
                                            egui::RichText::new(entry.path.display().to_string())
                                                .strong(),
                                        );
                                        p.label(
                                            egui::RichText::new(format!(
                                                "‼ {}",
                                                i18n.t("menu-broken")
                                            ))
                                            .color(tone_color(Tone::Critical)),
                                        );
                                        p.label(egui::RichText::new(e).monospace().small());
                                    }
                                }
                            })
                            .response;
                        if resp.interact(egui::Sense::click()).clicked() {
                            start.chosen = i;
                        }
                    }
                });
            let p = &mut cols[1];
            p.heading(i18n.t("menu-settings"));
            p.label(i18n.t("menu-language"));
            p.horizontal(|p| {
                for (lang, label) in [(Lang::En, "English"), (Lang::Fr, "Français")] {
                    if p.selectable_label(i18n.lang == lang, label).clicked() {
                        i18n.lang = lang;
                        settings.lang = lang.code().into();
                        settings.save();
                    }
                }
            });
            p.add_space(6.0);
            p.label(i18n.t("menu-mode"));
            p.horizontal(|p| {
                for (mode, id) in [
                    (Mode::Guided, "mode-guided"),
                    (Mode::Assessment, "mode-assessment"),
                ] {
                    if p.selectable_label(settings.mode() == mode, i18n.t(id))
                        .clicked()
                    {
                        settings.mode = mode.as_str().into();
                        settings.save();
                    }
                }
            });
            p.label(
                egui::RichText::new(i18n.t(if settings.mode() == Mode::Guided {
                    "mode-guided-help"
                } else {
                    "mode-assessment-help"
                }))
                .small(),
            );
            p.add_space(6.0);
            p.label(i18n.t("menu-view"));
            p.horizontal(|p| {
                for (seated, id) in [(false, "view-standing"), (true, "view-seated")] {
                    if p.selectable_label(settings.seated == seated, i18n.t(id))
                        .clicked()
                    {
                        settings.seated = seated;
                        settings.save();
                    }
                }
            });
            p.add_space(6.0);
            p.label(i18n.t("menu-learner"));
            p.text_edit_singleline(&mut start.learner_text);
            p.label(egui::RichText::new(i18n.t("menu-learner-help")).small());
            if let Some(e) = &start.learner_error {
                p.label(egui::RichText::new(format!("✖ {e}")).color(tone_color(Tone::Bad)));
            }
            p.add_space(12.0);
            let startable = catalog
                .entries
                .get(start.chosen)
                .is_some_and(|e| e.scenario.is_ok());
            if p.add_enabled(
                startable,
                egui::Button::new(
                    egui::RichText::new(format!("▶ {}", i18n.t("menu-start"))).size(18.0),
                ),
            )
            .clicked()
            {
                match check_pseudonym("learner", start.learner_text.trim()) {
                    Ok(()) => {
                        start.learner_error = None;
                        settings.learner = start.learner_text.trim().to_string();
                        settings.save();
                        let entry = &catalog.entries[start.chosen];
                        if let Ok(sc) = &entry.scenario {
                            commands.trigger(StartSession {
                                path: entry.path.clone(),
                                scenario: sc.clone(),
                            });
                        }
                    }
                    Err(_) => start.learner_error = Some(i18n.t("menu-learner-invalid")),
                }
            }
            if !start.in_headset
                && p.add_enabled(startable, egui::Button::new(i18n.t("menu-start-headset")))
                    .on_hover_text(i18n.t("menu-start-headset-help"))
                    .clicked()
            {
                match check_pseudonym("learner", start.learner_text.trim()) {
                    Ok(()) => {
                        settings.learner = start.learner_text.trim().to_string();
                        settings.save();
                        let entry = &catalog.entries[start.chosen];
                        commands.trigger(StartInHeadset(entry.path.clone()));
                    }
                    Err(_) => start.learner_error = Some(i18n.t("menu-learner-invalid")),
                }
            }
            p.horizontal(|p| {
                if p.button(i18n.t("menu-controls")).clicked() {
                    view.open(Overlay::Tutorial);
                }
                if p.button(i18n.t("menu-quit")).clicked() {
                    commands.trigger(Quit);
                }
            });
        });
    });
}

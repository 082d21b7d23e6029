// Tone analysis: the emotional colour of each scene and the themes of the whole story.
//
// Takes: an Analysis whose scenes carry their text. Produces: Scene::valence (the mean compound
// valence of the scene's sentences, sentiment/sentence_valence.h) and Analysis::themes (theme
// tags with score, evidence and trajectory, themes/theme_profile.h), replacing earlier values.
// Method: each scene's text is cut into paragraphs at blank lines and into sentences with the
// shared sentence splitter; the same sentences feed both models, so theme evidence quotes
// whole sentences. Valence skips the story's names (ProperNames, from every character's name
// and aliases, and any capitalised word inside a clause): "Joy" and "Sadness" in Inside Out are
// characters, not feelings. Runs after the scenes and characters are final; reads nothing else
// of the Analysis.
#pragma once

#include <cstddef>
#include <vector>

#include "model/analysis.h"
#include "sentiment/valence_lexicon.h"
#include "themes/theme_profile.h"
#include "themes/theme_set.h"

namespace filmscope {

// The length of the scene heading that opens a screenplay scene's text, 0 if none does. The
// heading has no full stop, so the sentence splitter would glue it to the first line of action
// ("INT. KITCHEN - NIGHT Anna cooks.") and quotes would open with it: the sentences below cut it
// off as a sentence of its own, whose words still speak of the place ("EXT. CEMETERY - DAY").
std::size_t heading_length(const Scene& scene);

// The sentences of every scene, in story order; views point into `scenes`.
std::vector<ThemeSentence> story_sentences(const std::vector<Scene>& scenes);
// The sentences of one scene, as story_sentences cuts them; views point into `scene`.
std::vector<ThemeSentence> scene_sentences(const Scene& scene);

void apply_themes_and_valence(Analysis& analysis, const ThemeSet& themes = default_theme_set(),
                              const ValenceLexicon& valence = default_valence_lexicon());

}  // namespace filmscope

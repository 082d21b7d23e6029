// A per-thread table of the case-folded word forms a thread has met, each with a number, its
// Snowball stem and the theme terms that start with that stem.
//
// Takes: case-folded words. Produces: a number per distinct form, kept until the table is
// emptied, and per number the stem and the current story's theme candidates.
// Method: stories repeat their words, and so do the stories of a corpus, so each form is
// stemmed once: an open-addressing table of 16-byte slots over append-only storage. Forms are
// packed in one buffer and stems live in a deque, so a returned stem stays where it is as the
// table grows, and a look-up reads one slot of a table that stays in cache. Callers that note
// something of their own per form (the tone stage: a form's valence entry) index it by number.
// Limits: emptied between stories once it holds kMaxCachedStems forms or kMaxCachedFormBytes
// bytes, so numbers are valid within one story only (from one start_story to the next).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "text/string_lookup.h"
#include "themes/stemmer.h"
#include "themes/theme_set.h"

namespace filmscope {

// Distinct forms kept by a thread's table: far more than one story's vocabulary, and a bound
// on memory over any corpus.
inline constexpr std::size_t kMaxCachedStems = 1 << 16;
// And the bytes of those forms, which also keeps the table's 32-bit offsets in range: one story
// is at most kMaxInputBytes.
inline constexpr std::size_t kMaxCachedFormBytes = 1 << 26;

class WordForms {
 public:
  WordForms() { slots_.resize(kInitialSlots); }

  // The number of `folded`'s entry, whose stem is stem_text(number). Each distinct form has its
  // own number (forms with the same stem too) and keeps it until the table is emptied.
  std::uint32_t form_id(std::string_view folded) {
    const std::size_t hash = StringViewHash{}(folded);
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    for (;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.stem == kEmpty) break;
      if (slot.tag == tag && same_text(std::string_view(forms_).substr(slot.offset, slot.length), folded))
        return slot.stem;
    }
    return add(i, tag, folded);
  }

  const std::string& stem_text(std::uint32_t id) const { return stems_[id]; }
  // How many forms the table holds; every number is below it.
  std::size_t size() const { return stems_.size(); }

  // Begins a story: the theme candidates noted for the last one no longer count, and the
  // table is emptied if it has grown past its limits.
  void start_story();

  // The terms that start with form `id`'s stem, as `look_up(stem)` gives them, looked up once
  // per form in the current story. The notes are stamped with the story rather than cleared
  // for each, which would cost as much as the table is large.
  template <typename LookUp>
  const std::vector<ThemeTermRef>* candidates(std::uint32_t id, const LookUp& look_up) {
    if (id >= candidates_.size()) candidates_.resize(stems_.size());
    Candidates& noted = candidates_[id];
    if (noted.story != story_) noted = {story_, look_up(stems_[id])};
    return noted.terms;
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFF;
  static constexpr std::size_t kInitialSlots = 1024;

  struct Slot {
    std::uint32_t tag = 0;     // the hash's high half
    std::uint32_t offset = 0;  // into forms_
    std::uint32_t length = 0;
    std::uint32_t stem = kEmpty;  // into stems_
  };

  // Enters `folded` at the empty slot `at`; out of line, as it stems.
  std::uint32_t add(std::size_t at, std::uint32_t tag, std::string_view folded);
  void grow();

  struct Candidates {
    std::uint32_t story = 0;  // never a current story's stamp, which starts at 1
    const std::vector<ThemeTermRef>* terms = nullptr;
  };

  Stemmer stemmer_;
  std::vector<Slot> slots_;
  std::string forms_;
  std::deque<std::string> stems_;
  std::vector<Candidates> candidates_;  // per form
  std::uint32_t story_ = 0;
};

// One per thread, like the tokenizer's break iterators: creating the Snowball stemmer per story
// was a fixed cost on every input of a batch, and batch workers never share one.
WordForms& thread_word_forms();

}  // namespace filmscope

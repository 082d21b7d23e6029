// The per-thread word form table; see word_forms.h.
#include "themes/word_forms.h"

namespace filmscope {

void WordForms::start_story() {
  if (++story_ == 0) {  // the stamp wrapped: forget every note
    candidates_.clear();
    story_ = 1;
  }
  if (stems_.size() < kMaxCachedStems && forms_.size() < kMaxCachedFormBytes) return;
  slots_.assign(kInitialSlots, Slot{});
  forms_.clear();
  stems_.clear();
  candidates_.clear();
}

std::uint32_t WordForms::add(std::size_t at, std::uint32_t tag, std::string_view folded) {
  const auto id = static_cast<std::uint32_t>(stems_.size());
  slots_[at] = Slot{tag, static_cast<std::uint32_t>(forms_.size()), static_cast<std::uint32_t>(folded.size()), id};
  forms_.append(folded);
  stems_.push_back(stemmer_.stem(folded));
  if (stems_.size() * 2 > slots_.size()) grow();
  return id;
}

void WordForms::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.stem == kEmpty) continue;
    const std::size_t hash = StringViewHash{}(std::string_view(forms_).substr(slot.offset, slot.length));
    std::size_t i = hash & mask;
    while (slots_[i].stem != kEmpty) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

WordForms& thread_word_forms() {
  thread_local WordForms forms;
  return forms;
}

}  // namespace filmscope

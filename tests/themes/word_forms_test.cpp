// The per-thread word form table: a number per distinct form, its stem, and theme candidates
// noted once per story.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "themes/word_forms.h"

using namespace filmscope;

TEST_CASE("each distinct form has one number and its stem", "[themes]") {
  WordForms forms;
  forms.start_story();
  const auto betrays = forms.form_id("betrays");
  const auto betrayed = forms.form_id("betrayed");
  CHECK(betrays != betrayed);  // forms with one stem keep numbers of their own
  CHECK(forms.form_id("betrays") == betrays);
  CHECK(forms.stem_text(betrays) == "betray");
  CHECK(forms.stem_text(betrayed) == "betray");
  CHECK(forms.size() == 2);
  // Enough forms to grow the table several times: every number stays its form's.
  std::vector<std::uint32_t> numbers;
  for (int k = 0; k < 5000; ++k) numbers.push_back(forms.form_id("word" + std::to_string(k)));
  for (int k = 0; k < 5000; ++k) REQUIRE(forms.form_id("word" + std::to_string(k)) == numbers[k]);
  CHECK(forms.form_id("betrays") == betrays);
}

TEST_CASE("theme candidates are looked up once per form and story", "[themes]") {
  WordForms forms;
  forms.start_story();
  const std::vector<ThemeTermRef> terms{{0, 0}};
  int look_ups = 0;
  auto look_up = [&](const std::string&) {
    ++look_ups;
    return &terms;
  };
  const auto love = forms.form_id("love");
  CHECK(forms.candidates(love, look_up) == &terms);
  CHECK(forms.candidates(love, look_up) == &terms);
  CHECK(look_ups == 1);
  forms.start_story();  // another story may have another theme set
  CHECK(forms.candidates(love, look_up) == &terms);
  CHECK(look_ups == 2);
}

// Sentence valence after VADER; see sentence_valence.h for the method. Function names follow
// the reference implementation's rules so that the two can be read side by side.
#include "sentiment/sentence_valence.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "text/byte_scan.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

// The reference implementation's empirically derived constants.
constexpr double kCapsIncrement = 0.733;    // a lexicon word or booster in capitals
constexpr double kNegationScalar = -0.74;   // a negated word
constexpr double kSecondWordDamping = 0.95;  // a booster two tokens before the word
constexpr double kThirdWordDamping = 0.9;    // a booster three tokens before the word
constexpr double kNeverSoScalar = 1.25;     // "never so good", "never this good"
constexpr double kBeforeButScalar = 0.5;
constexpr double kAfterButScalar = 1.5;
constexpr double kExclamationAmplifier = 0.292;
constexpr std::size_t kMaxExclamations = 4;
constexpr double kQuestionAmplifier = 0.18;
constexpr std::size_t kMaxScaledQuestions = 3;
constexpr double kManyQuestionsAmplifier = 0.96;
constexpr double kNormalisationAlpha = 15.0;

// Python's string.punctuation: the ASCII punctuation characters (what ispunct says in the C
// locale), as a table so that the test does not depend on the process's locale.
bool ascii_punctuation(unsigned char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

bool is_strippable(UChar32 c) {
  // Python's string.punctuation (ASCII) plus Unicode punctuation such as curly quotes.
  return c < 0x80 ? ascii_punctuation(static_cast<unsigned char>(c)) : (u_ispunct(c) != 0);
}

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++count;
  return count;
}

std::string_view strip_punctuation_if_word(std::string_view token, bool ascii) {
  if (ascii) {
    std::size_t begin = 0;
    std::size_t end = token.size();
    while (begin < end && ascii_punctuation(static_cast<unsigned char>(token[begin]))) ++begin;
    while (end > begin && ascii_punctuation(static_cast<unsigned char>(token[end - 1]))) --end;
    return end - begin <= kEmoticonMaxLength ? token : token.substr(begin, end - begin);
  }
  const auto* bytes = reinterpret_cast<const uint8_t*>(token.data());
  const auto length = static_cast<int32_t>(token.size());
  int32_t begin = 0;
  while (begin < length) {
    int32_t next = begin;
    UChar32 c = 0;
    U8_NEXT(bytes, next, length, c);
    if (c < 0 || !is_strippable(c)) break;
    begin = next;
  }
  int32_t end = length;
  while (end > begin) {
    int32_t previous = end;
    UChar32 c = 0;
    U8_PREV(bytes, 0, previous, c);
    if (c < 0 || !is_strippable(c)) break;
    end = previous;
  }
  auto stripped = token.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
  return code_points(stripped) <= kEmoticonMaxLength ? token : stripped;
}

// Lower case for look-ups, appended to `out`; a typographic apostrophe becomes ASCII so that
// "isn’t" negates.
void append_lower(std::string_view word, bool ascii, std::string& out) {
  if (!ascii) {
    const std::string folded = fold_case(word);
    constexpr std::string_view kRightQuote = "\xE2\x80\x99";
    for (std::size_t at = 0; at < folded.size();) {
      if (std::string_view(folded).substr(at, kRightQuote.size()) == kRightQuote) {
        out += '\'';
        at += kRightQuote.size();
      } else {
        out += folded[at++];
      }
    }
    return;
  }
  const std::size_t start = out.size();
  out.append(word);
  for (std::size_t k = start; k < out.size(); ++k)
    if (out[k] >= 'A' && out[k] <= 'Z') out[k] = static_cast<char>(out[k] - 'A' + 'a');
}

// Whether `word` contains "n't", the contracted negation.
bool has_contracted_not(std::string_view word) {
  for (std::size_t k = 1; k + 1 < word.size(); ++k)
    if (word[k] == '\'' && word[k - 1] == 'n' && word[k + 1] == 't') return true;
  return false;
}

// Python's str.isupper(): at least one cased letter, and no lower-case one.
bool is_upper(std::string_view word) {
  bool upper = false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  const auto length = static_cast<int32_t>(word.size());
  int32_t i = 0;
  while (i < length) {
    if (bytes[i] < 0x80) {  // ICU's properties agree with these for ASCII
      const auto c = bytes[i++];
      if (c >= 'a' && c <= 'z') return false;
      if (c >= 'A' && c <= 'Z') upper = true;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) continue;
    if (u_islower(c) || u_istitle(c)) return false;
    if (u_isupper(c)) upper = true;
  }
  return upper;
}

// See ProperNames in the header.
bool is_proper_name(const ValenceToken& word, const ProperNames& names) {
  if (!word.capitalised) return false;
  if (!word.clause_initial && !word.all_caps) return true;
  return names.contains(word.lower);
}

// True when some, but not all, tokens are in capitals: only then do capitals emphasise.
bool allcap_differential(const std::vector<ValenceToken>& words) {
  std::size_t caps = static_cast<std::size_t>(
      std::count_if(words.begin(), words.end(), [](const ValenceToken& w) { return w.all_caps; }));
  return caps > 0 && caps < words.size();
}

class SentenceScorer {
 public:
  // `words` are looked up, and a story's names have lost their entries (hide_names).
  SentenceScorer(const std::vector<ValenceToken>& words, const ValenceLexicon& lexicon)
      : words_(words), lexicon_(lexicon), cap_differential_(allcap_differential(words)) {}

  // Each word's valence into `sentiments`.
  void word_valences(std::vector<double>& sentiments) const {
    sentiments.clear();
    sentiments.reserve(words_.size());
    for (std::size_t i = 0; i < words_.size(); ++i) sentiments.push_back(word_valence(i));
    but_check(sentiments);
  }

  // The sum of the values word_valences gives, added in the same order.
  double valence_sum() const {
    const std::size_t but_index = first_but();
    double sum = 0.0;
    for (std::size_t i = 0; i < words_.size(); ++i) {
      double s = word_valence(i);
      if (but_index != kNoBut) {
        if (i < but_index) s *= kBeforeButScalar;
        if (i > but_index) s *= kAfterButScalar;
      }
      sum += s;
    }
    return sum;
  }

 private:
  static constexpr std::size_t kNoBut = static_cast<std::size_t>(-1);

  double word_valence(std::size_t i) const {
    // Most words have no valence, and nothing below gives them one.
    if (!valence_of(i)) return 0.0;
    // Boosters and "kind of" modify other words and carry no valence of their own.
    if (booster_of(i) || (i + 1 < words_.size() && lower(i) == "kind" && lower(i + 1) == "of")) return 0.0;
    return sentiment_valence(i);
  }

  std::string_view lower(std::size_t i) const { return words_[i].lower; }

  const double* valence_of(std::size_t i) const {
    const ValenceWordEntry* entry = words_[i].entry;
    return entry && entry->valence ? &*entry->valence : nullptr;
  }

  const double* booster_of(std::size_t i) const {
    const ValenceWordEntry* entry = words_[i].entry;
    return entry && entry->booster ? &*entry->booster : nullptr;
  }

  bool in_lexicon(std::size_t i) const { return valence_of(i) != nullptr; }

  bool negated(std::size_t i) const { return words_[i].negation; }

  double scalar_inc_dec(std::size_t i, double valence) const {
    const double* booster = booster_of(i);
    if (!booster) return 0.0;
    double scalar = valence < 0 ? -*booster : *booster;
    if (words_[i].all_caps && cap_differential_) scalar += valence > 0 ? kCapsIncrement : -kCapsIncrement;
    return scalar;
  }

  double sentiment_valence(std::size_t i) const {
    const double* listed = valence_of(i);
    if (!listed) return 0.0;
    const double base = *listed;
    double valence = base;
    // "no" before another lexicon word negates that word instead of counting itself.
    if (lower(i) == "no" && i + 1 < words_.size() && in_lexicon(i + 1)) valence = 0.0;
    if ((i > 0 && lower(i - 1) == "no") || (i > 1 && lower(i - 2) == "no") ||
        (i > 2 && lower(i - 3) == "no" && (lower(i - 1) == "or" || lower(i - 1) == "nor")))
      valence = base * kNegationScalar;
    if (words_[i].all_caps && cap_differential_) valence += valence > 0 ? kCapsIncrement : -kCapsIncrement;

    for (std::size_t start = 0; start < 3; ++start) {
      if (i <= start || in_lexicon(i - (start + 1))) continue;
      double s = scalar_inc_dec(i - (start + 1), valence);
      if (start == 1 && s != 0) s *= kSecondWordDamping;
      if (start == 2 && s != 0) s *= kThirdWordDamping;
      valence += s;
      valence = negation_check(valence, start, i);
      if (start == 2) valence = special_idioms_check(valence, i);
    }
    return least_check(valence, i);
  }

  double negation_check(double valence, std::size_t start, std::size_t i) const {
    if (start == 0) {
      if (negated(i - 1)) valence *= kNegationScalar;
    } else if (start == 1) {
      if (lower(i - 2) == "never" && (lower(i - 1) == "so" || lower(i - 1) == "this")) {
        valence *= kNeverSoScalar;
      } else if (lower(i - 2) == "without" && lower(i - 1) == "doubt") {
        // "without doubt" affirms rather than negates.
      } else if (negated(i - 2)) {
        valence *= kNegationScalar;
      }
    } else {
      if ((lower(i - 3) == "never" && (lower(i - 2) == "so" || lower(i - 2) == "this")) ||
          lower(i - 1) == "so" || lower(i - 1) == "this") {
        valence *= kNeverSoScalar;
      } else if (lower(i - 3) == "without" && (lower(i - 2) == "doubt" || lower(i - 1) == "doubt")) {
      } else if (negated(i - 3)) {
        valence *= kNegationScalar;
      }
    }
    return valence;
  }

  std::string join(std::size_t first, std::size_t count) const {
    std::string phrase(lower(first));
    for (std::size_t k = 1; k < count; ++k) {
      phrase += ' ';
      phrase += lower(first + k);
    }
    return phrase;
  }

  // The value of the phrase of `count` words from `first` in `phrases`, or null. Only a word
  // that starts some idiom or booster phrase can begin one, so the phrase is put together (a
  // string per try) only behind such a word.
  const double* phrase_value(const StringMap<double>& phrases, std::size_t first, std::size_t count) const {
    if (!words_[first].entry || !words_[first].entry->starts_phrase) return nullptr;
    const auto it = phrases.find(join(first, count));
    return it == phrases.end() ? nullptr : &it->second;
  }

  // Called with i >= 3 only (the third look-back step).
  double special_idioms_check(double valence, std::size_t i) const {
    // Idioms ending at the word, most recent first; the first found sets the valence.
    const std::pair<std::size_t, std::size_t> before[] = {{i - 1, 2}, {i - 2, 3}, {i - 2, 2}, {i - 3, 3}, {i - 3, 2}};
    for (const auto& [first, count] : before) {
      if (const double* value = phrase_value(lexicon_.idioms, first, count)) {
        valence = *value;
        break;
      }
    }
    if (i + 1 < words_.size())
      if (const double* value = phrase_value(lexicon_.idioms, i, 2)) valence = *value;
    if (i + 2 < words_.size())
      if (const double* value = phrase_value(lexicon_.idioms, i, 3)) valence = *value;
    // Booster phrases such as "sort of" and "kind of".
    const std::pair<std::size_t, std::size_t> boosters[] = {{i - 3, 3}, {i - 3, 2}, {i - 2, 2}};
    for (const auto& [first, count] : boosters)
      if (const double* value = phrase_value(lexicon_.boosters, first, count)) valence += *value;
    return valence;
  }

  double least_check(double valence, std::size_t i) const {
    if (i > 0 && lower(i - 1) == "least" && !in_lexicon(i - 1)) {
      // "at least good" and "very least good" are not negations; "least good" is.
      if (i == 1 || (lower(i - 2) != "at" && lower(i - 2) != "very")) valence *= kNegationScalar;
    }
    return valence;
  }

  std::size_t first_but() const {
    auto but = std::find_if(words_.begin(), words_.end(), [](const ValenceToken& w) { return w.lower == "but"; });
    return but == words_.end() ? kNoBut : static_cast<std::size_t>(but - words_.begin());
  }

  void but_check(std::vector<double>& sentiments) const {
    const std::size_t but_index = first_but();
    if (but_index == kNoBut) return;
    for (std::size_t k = 0; k < sentiments.size(); ++k) {
      if (k < but_index) sentiments[k] *= kBeforeButScalar;
      if (k > but_index) sentiments[k] *= kAfterButScalar;
    }
  }

  const std::vector<ValenceToken>& words_;
  const ValenceLexicon& lexicon_;
  bool cap_differential_;
};

// How many times `c` occurs in `text`, found with memchr: the marks are rare, and a count
// byte by byte cost three instructions per byte of every scored sentence.
std::size_t occurrences(std::string_view text, char c) {
  std::size_t count = 0;
  const char* at = text.data();
  const char* const end = at + text.size();
  while (at < end) {
    at = static_cast<const char*>(std::memchr(at, c, static_cast<std::size_t>(end - at)));
    if (!at) break;
    ++count;
    ++at;
  }
  return count;
}

double punctuation_emphasis(std::string_view text) {
  const std::size_t exclamations = occurrences(text, '!');
  const std::size_t questions = occurrences(text, '?');
  double amplifier = static_cast<double>(std::min(exclamations, kMaxExclamations)) * kExclamationAmplifier;
  if (questions > 1)
    amplifier += questions <= kMaxScaledQuestions ? static_cast<double>(questions) * kQuestionAmplifier
                                                  : kManyQuestionsAmplifier;
  return amplifier;
}

double normalize(double score) {
  return std::clamp(score / std::sqrt(score * score + kNormalisationAlpha), -1.0, 1.0);
}

}  // namespace

namespace {

bool starts_capitalised(std::string_view word) {
  if (word.empty()) return false;
  const auto first = static_cast<unsigned char>(word[0]);
  if (first < 0x80) return first >= 'A' && first <= 'Z';
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(bytes, i, static_cast<int32_t>(word.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

// Whether a raw token opens a quotation or bracket: the word in it starts a clause of its own.
bool opens_quotation(std::string_view token) {
  if (token.empty()) return false;
  const char first = token[0];
  return first == '"' || first == '\'' || first == '(' || first == '[' || token.starts_with("\xE2\x80\x9C") ||
         token.starts_with("\xE2\x80\x98") || token.starts_with("\xC2\xAB");
}

// Whether a raw token ends a sentence or clause, closing quotes and brackets aside ("said.”").
bool ends_clause(std::string_view token) {
  while (!token.empty()) {
    const char last = token.back();
    if (last == '.' || last == '!' || last == '?' || last == ':' || last == ';') return true;
    if (last == '"' || last == '\'' || last == ')' || last == ']') {
      token.remove_suffix(1);
    } else if (token.ends_with("\xE2\x80\x9D") || token.ends_with("\xE2\x80\x99") || token.ends_with("\xC2\xBB")) {
      token.remove_suffix(token.ends_with("\xC2\xBB") ? 2 : 3);
    } else {
      return false;
    }
  }
  return false;
}

}  // namespace

ValenceToken ascii_valence_token(std::string_view sentence, std::string_view lowered, std::size_t start,
                                 std::size_t end, bool& after_clause_end) {
  const std::string_view token = sentence.substr(start, end - start);
  const char first = token.front();
  const char last = token.back();
  ValenceToken word;
  // A token that starts and ends with a letter has no punctuation to strip.
  const bool letter_ends = is_ascii_letter(first) && is_ascii_letter(last);
  const std::string_view text = letter_ends ? token : strip_punctuation_if_word(token, true);
  const auto offset = static_cast<std::size_t>(text.data() - sentence.data());
  word.lower = lowered.substr(offset, text.size());
  const bool lower_start = first >= 'a' && first <= 'z';
  // A word that starts in lower case is not in capitals; stripping removes no letter.
  word.all_caps = !lower_start && is_upper(text);
  word.capitalised = text.front() >= 'A' && text.front() <= 'Z';
  word.clause_initial = after_clause_end || first == '"' || first == '\'' || first == '(' || first == '[';
  after_clause_end = !(last >= 'a' && last <= 'z') && ends_clause(token);
  return word;
}

namespace {

// As cut_valence_words for an ASCII sentence, which lower-cases byte for byte: the sentence is
// lowered once and each word's form is a view into it at the word's own offsets. Most of a
// story's sentences take this way.
void cut_ascii_words(std::string_view sentence, ValenceWords& out) {
  std::vector<ValenceToken>& words = out.tokens;
  assign_ascii_lower(sentence, out.lowered);
  const std::string_view lowered = out.lowered;
  words.clear();
  words.reserve(std::min(kMaxValenceWords, sentence.size() / 3 + 1));
  out.texts.clear();
  const std::size_t length = sentence.size();
  bool after_clause_end = true;
  std::size_t i = 0;
  while (i < length && words.size() < kMaxValenceWords) {
    while (i < length && is_ascii_space(sentence[i])) ++i;
    if (i == length) break;
    const std::size_t start = i;
    i = next_ascii_space(sentence, i);
    const ValenceToken& word = words.emplace_back(ascii_valence_token(sentence, lowered, start, i, after_clause_end));
    // The text as written lies at the form's offsets.
    out.texts.push_back(sentence.substr(static_cast<std::size_t>(word.lower.data() - lowered.data()), word.lower.size()));
  }
}

}  // namespace

// The words of `sentence` (VADER splits at white space) into `out`.
void cut_valence_words(std::string_view sentence, ValenceWords& out) {
  if (is_ascii(sentence)) {
    cut_ascii_words(sentence, out);
    return;
  }
  std::string& lowered = out.lowered;
  std::vector<ValenceToken>& words = out.tokens;
  lowered.clear();
  lowered.reserve(sentence.size());
  words.clear();
  out.texts.clear();
  // Enough for ordinary prose (a word and a space take at least three bytes), so the words
  // are seldom moved as the vector grows.
  words.reserve(std::min(kMaxValenceWords, sentence.size() / 3 + 1));
  // Where each word's lower-case form starts in `lowered`, which may move as it grows: the
  // views are made once it is complete.
  std::vector<std::size_t>& starts = out.starts;
  starts.clear();
  const auto* bytes = reinterpret_cast<const uint8_t*>(sentence.data());
  const auto length = static_cast<int32_t>(sentence.size());
  int32_t i = 0;
  int32_t token_start = -1;
  bool token_ascii = true;
  bool after_clause_end = true;
  auto flush = [&](int32_t end) {
    if (token_start < 0) return;
    auto token = sentence.substr(static_cast<std::size_t>(token_start), static_cast<std::size_t>(end - token_start));
    token_start = -1;
    if (words.size() == kMaxValenceWords) return;
    ValenceToken& word = words.emplace_back();
    const std::string_view text = strip_punctuation_if_word(token, token_ascii);
    out.texts.push_back(text);
    starts.push_back(lowered.size());
    append_lower(text, token_ascii || is_ascii(text), lowered);
    word.all_caps = is_upper(text);
    // Most tokens start and end with a lower-case ASCII letter: the three tests below are
    // skipped for them, as they run on every word of every sentence.
    const auto first = static_cast<unsigned char>(token.front());
    const auto last = static_cast<unsigned char>(token.back());
    const bool plain_start = first >= 'a' && first <= 'z';
    word.capitalised = !plain_start && starts_capitalised(text);
    word.clause_initial = after_clause_end || (!plain_start && opens_quotation(token));
    after_clause_end = !(last >= 'a' && last <= 'z') && ends_clause(token);
  };
  while (i < length) {
    int32_t start = i;
    UChar32 c = 0;
    if (bytes[i] < 0x80) {
      c = bytes[i++];
      if (c == ' ' || (c >= '\t' && c <= '\r')) {  // White_Space in ASCII
        flush(start);
      } else if (token_start < 0) {
        token_start = start;
        token_ascii = true;
      }
      continue;
    }
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && u_isUWhiteSpace(c)) {
      flush(start);
    } else {
      if (token_start < 0) token_start = start;
      token_ascii = false;
    }
  }
  flush(length);
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::size_t end = k + 1 < words.size() ? starts[k + 1] : lowered.size();
    words[k].lower = std::string_view(lowered).substr(starts[k], end - starts[k]);
  }
}

ValenceLookup look_up_valence(std::string_view lower, const ValenceLexicon& lexicon) {
  const ValenceWordEntry* found = lexicon.words.find(lower);
  return {found, (found && found->negation) || has_contracted_not(lower)};
}

std::vector<ValenceWord> split_valence_words(std::string_view sentence) {
  ValenceWords cut;
  cut_valence_words(sentence, cut);
  std::vector<ValenceWord> words;
  words.reserve(cut.tokens.size());
  for (std::size_t k = 0; k < cut.tokens.size(); ++k) {
    const ValenceToken& word = cut.tokens[k];
    words.push_back({cut.texts[k], std::string(word.lower), word.all_caps, word.capitalised, word.clause_initial});
  }
  return words;
}

ProperNames ProperNames::of(const std::vector<std::string>& names) {
  ProperNames result;
  for (const std::string& name : names) {
    std::string folded = fold_case(name);
    // As append_lower does for the sentence's words: "O’Brien" is looked up as "o'brien".
    for (std::size_t at = folded.find("\xE2\x80\x99"); at != std::string::npos; at = folded.find("\xE2\x80\x99", at))
      folded.replace(at, 3, "'");
    std::size_t start = std::string::npos;
    auto flush = [&](std::size_t end) {
      if (start != std::string::npos) result.words.emplace(folded.substr(start, end - start));
      start = std::string::npos;
    };
    const auto* bytes = reinterpret_cast<const uint8_t*>(folded.data());
    const auto length = static_cast<int32_t>(folded.size());
    int32_t i = 0;
    while (i < length) {
      const int32_t at = i;
      UChar32 c = 0;
      U8_NEXT(bytes, i, length, c);
      const bool word_char = c == '\'' || (c >= 0 && u_isalnum(c));
      if (word_char && start == std::string::npos) start = static_cast<std::size_t>(at);
      if (!word_char) flush(static_cast<std::size_t>(at));
    }
    flush(folded.size());
  }
  return result;
}

bool ProperNames::contains(std::string_view lower_word) const {
  if (words.empty()) return false;
  if (words.contains(lower_word)) return true;
  // The sentence's words are lower-cased with an ASCII apostrophe (append_lower).
  return lower_word.size() > 2 && lower_word.ends_with("'s") &&
         words.contains(lower_word.substr(0, lower_word.size() - 2));
}

ValenceScores score_valence(std::string_view sentence, const ValenceLexicon& lexicon) {
  return score_valence(sentence, lexicon, nullptr);
}

ValenceScores score_valence(std::string_view sentence, const ValenceLexicon& lexicon, const ProperNames* names) {
  // Reused from sentence to sentence, like the tokenizer's buffers: a story has thousands.
  thread_local ValenceWords cut;
  cut_valence_words(sentence, cut);
  for (ValenceToken& token : cut.tokens) {
    const ValenceLookup found = look_up_valence(token.lower, lexicon);
    token.entry = found.entry;
    token.negation = found.negation;
  }
  return valence_scores(sentence, cut.tokens, lexicon, names);
}

namespace {

// Names are looked for only among lexicon words: most capitalised words are in none.
void hide_names(std::vector<ValenceToken>& tokens, const ProperNames* names) {
  if (!names) return;
  for (ValenceToken& token : tokens) {
    if (token.entry && is_proper_name(token, *names)) {
      token.entry = nullptr;
      token.negation = false;
    }
  }
}

// The compound score of a sentence whose words' valences add up to `sum`.
double compound_of(std::string_view sentence, double sum) {
  // The marks add to a sentence that leans either way; a neutral one is not searched for them.
  if (sum == 0) return normalize(sum);
  const double emphasis = punctuation_emphasis(sentence);
  if (sum > 0) sum += emphasis;
  if (sum < 0) sum -= emphasis;
  return normalize(sum);
}

}  // namespace

ValenceScores valence_scores(std::string_view sentence, std::vector<ValenceToken>& tokens, const ValenceLexicon& lexicon,
                             const ProperNames* names) {
  ValenceScores scores;
  if (tokens.empty()) return scores;
  hide_names(tokens, names);
  thread_local std::vector<double> sentiments;  // per word, reused
  SentenceScorer(tokens, lexicon).word_valences(sentiments);

  double sum = 0.0;
  for (double s : sentiments) sum += s;
  const double emphasis = punctuation_emphasis(sentence);
  scores.compound = compound_of(sentence, sum);

  // Proportions: each non-neutral word counts one more than its valence, so that it weighs
  // at least as much as a neutral word.
  double positive = 0.0, negative = 0.0, neutral = 0.0;
  for (double s : sentiments) {
    if (s > 0) positive += s + 1;
    if (s < 0) negative += s - 1;
    if (s == 0) neutral += 1;
  }
  if (positive > std::fabs(negative)) positive += emphasis;
  if (positive < std::fabs(negative)) negative -= emphasis;
  const double total = positive + std::fabs(negative) + neutral;
  if (total > 0) {
    scores.positive = std::fabs(positive / total);
    scores.negative = std::fabs(negative / total);
    scores.neutral = std::fabs(neutral / total);
  }
  return scores;
}

double compound_valence(std::string_view sentence, std::vector<ValenceToken>& tokens, const ValenceLexicon& lexicon,
                        const ProperNames* names) {
  if (tokens.empty()) return 0.0;
  hide_names(tokens, names);
  return compound_of(sentence, SentenceScorer(tokens, lexicon).valence_sum());
}

}  // namespace filmscope

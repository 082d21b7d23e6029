// The batch job queue: N worker threads take items one at a time from a source, and their
// results are handed back in input order to the calling thread.
//
// Takes: a source (`next`, called under the queue's lock, returns std::nullopt at the end), a
// work function run on the workers, a consumer run on the calling thread, and an idle callback
// the calling thread runs at least every kIdleInterval while it waits (progress redraws).
// Method: a ring of `window` result slots; a worker may take item i only while i < consumed +
// window, so at most `window` items are in flight or waiting to be consumed. That bound, not
// the input count, caps memory: a corpus of a million files never holds more than `window`
// results. Results come back in order, so output is deterministic whatever the scheduling.
// Limits: one slow item holds back consumption of the items after it (up to `window` of them
// keep being processed meanwhile); `work` and `consume` must not throw — callers turn failures
// into values, as every stage of the pipeline does.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace filmscope::batch {

inline constexpr std::chrono::milliseconds kIdleInterval{100};

template <class Item, class Result, class Next, class Work, class Consume, class Idle>
void run_ordered_pipeline(std::size_t threads, std::size_t window, Next next, Work work,
                          Consume consume, Idle idle) {
  if (threads == 0) threads = 1;
  if (window < threads) window = threads;
  std::mutex mutex;
  std::condition_variable space_available;
  std::condition_variable result_ready;
  std::vector<std::optional<Result>> slots(window);
  std::size_t taken = 0;
  std::size_t consumed = 0;
  bool exhausted = false;

  auto worker = [&] {
    for (;;) {
      std::optional<Item> item;
      std::size_t index = 0;
      {
        std::unique_lock lock(mutex);
        space_available.wait(lock, [&] { return exhausted || taken < consumed + window; });
        if (exhausted) return;
        item = next();
        if (!item) {
          exhausted = true;
          space_available.notify_all();
          result_ready.notify_all();
          return;
        }
        index = taken++;
      }
      Result result = work(std::move(*item));
      {
        std::lock_guard lock(mutex);
        slots[index % window] = std::move(result);
      }
      result_ready.notify_all();
    }
  };

  std::vector<std::jthread> pool;
  pool.reserve(threads);
  for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(worker);

  for (;;) {
    std::optional<Result> result;
    bool finished = false;
    {
      std::unique_lock lock(mutex);
      bool ready = result_ready.wait_for(lock, kIdleInterval, [&] {
        return slots[consumed % window].has_value() || (exhausted && consumed == taken);
      });
      if (ready) {
        if (slots[consumed % window]) {
          result = std::move(slots[consumed % window]);
          slots[consumed % window].reset();
          ++consumed;
        } else {
          finished = true;
        }
      }
    }
    if (finished) break;
    if (result) {
      space_available.notify_all();
      consume(std::move(*result));
    } else {
      idle();
    }
  }
}

}  // namespace filmscope::batch

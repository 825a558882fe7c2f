// SPDX-License-Identifier: MIT
#include "NodeMarks.h"

#include <memory>

namespace mls {

namespace {

struct Level
{
    std::vector<quint32> stamps;
    quint32 epoch = 0;
};

/// One level per live NodeMarks on this thread; levels are kept for the next walks.
struct Pool
{
    std::vector<std::unique_ptr<Level>> levels;
    size_t live = 0;
    WalkBudget *budget = nullptr;
    std::vector<int> *log = nullptr;
    std::vector<std::unique_ptr<std::vector<int>>> queues; ///< NodeQueue's, per nesting level
    size_t liveQueues = 0;
};

thread_local Pool pool;

} // namespace

NodeMarks::NodeMarks(int nodeCount)
{
    if (pool.live == pool.levels.size())
        pool.levels.push_back(std::make_unique<Level>());
    Level &level = *pool.levels[pool.live++];
    if (level.stamps.size() < size_t(nodeCount))
        level.stamps.resize(size_t(nodeCount), 0);
    if (++level.epoch == 0) { // wrapped after 4 billion walks: forget every old mark
        std::fill(level.stamps.begin(), level.stamps.end(), 0);
        level.epoch = 1;
    }
    m_stamps = &level.stamps;
    m_budget = pool.budget;
    m_log = pool.log;
    m_epoch = level.epoch;
}

WalkBudget::WalkBudget(qint64 steps) : m_steps(steps), m_left(steps), m_outer(pool.budget)
{
    pool.budget = this;
}

MarkLog::MarkLog(std::vector<int> *into) : m_outer(pool.log)
{
    pool.log = into;
}

MarkLog::~MarkLog()
{
    pool.log = m_outer;
}

WalkBudget::~WalkBudget()
{
    pool.budget = m_outer;
}

NodeMarks::~NodeMarks()
{
    --pool.live;
}

NodeQueue::NodeQueue()
{
    if (pool.liveQueues == pool.queues.size())
        pool.queues.push_back(std::make_unique<std::vector<int>>());
    m_list = pool.queues[pool.liveQueues++].get();
    m_list->clear();
}

NodeQueue::~NodeQueue()
{
    --pool.liveQueues;
}

} // namespace mls

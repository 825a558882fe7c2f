// SPDX-License-Identifier: MIT
// Startwise graph checks: the whole run in node order, and the re-run after connection edits
// that re-judges only the starts whose walks marked an edited connection's end or a node whose
// prepared value changed.
#include "NodeMarks.h"
#include "RuleChecks.h"

#include <algorithm>

namespace mls {

namespace {

/// The nodes whose prepared value differs between @p before and @p after.
void differing(const QVector<int> &before, const QVector<int> &after, QVector<int> &changed)
{
    const qsizetype n = std::max(before.size(), after.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (before.value(i, 0) != after.value(i, 0))
            changed.push_back(int(i));
    }
}

/// Brings @p memo's values up to date after @p edits; false when the check cannot tell which
/// nodes changed.
bool updateValues(const CheckContext &ctx, const StartwiseCheck &check, const EdgeEdits &edits,
                  StartwiseMemo &memo, QVector<int> &changed)
{
    if (!check.prepare)
        return true;
    if (check.grow && edits.removed.isEmpty())
        return check.grow(ctx, edits.added, memo.values, changed);
    if (!check.comparable)
        return false;
    QVector<int> now;
    check.prepare(ctx, now);
    differing(memo.values, now, changed);
    memo.values = std::move(now);
    return true;
}

/// Adds @p start to the markers of each node of @p marked it is not listed for yet.
void addMarkers(StartwiseMemo &memo, int start, const std::vector<int> &marked)
{
    for (int v : marked) {
        const int *first = memo.markers.constData() + memo.markerStart[v];
        const int *last = memo.markers.constData() + memo.markerStart[v + 1];
        if (std::binary_search(first, last, start))
            continue;
        QVector<int> &more = memo.moreMarkers[v];
        if (!more.contains(start))
            more.push_back(start);
    }
}

} // namespace

void runStartwise(const CheckContext &ctx, const StartwiseCheck &check, QVector<Finding> &out,
                  StartwiseMemo *memo)
{
    const RuleGraph &g = ctx.graph;
    QVector<int> values;
    if (check.prepare)
        check.prepare(ctx, values);
    CheckContext local(ctx);
    local.values = &values;
    NodeLists cache;
    if (!memo) {
        for (int n = 0; n < g.nodeCount(); ++n)
            check.judge(local, n, cache, out);
        return;
    }
    // The marks of every start, in start order, then turned into markers per node. The lists
    // are kept per thread for the next run: allocated afresh, the first writes into them were
    // page faults on each full check.
    thread_local std::vector<int> marked, markedStart;
    marked.clear();
    markedStart.assign(size_t(g.nodeCount()) + 1, 0);
    {
        MarkLog log(&marked);
        for (int n = 0; n < g.nodeCount(); ++n) {
            check.judge(local, n, cache, out);
            markedStart[size_t(n) + 1] = int(marked.size());
        }
    }
    memo->markerStart.fill(0, g.nodeCount() + 1);
    for (int v : marked)
        ++memo->markerStart[v + 1];
    for (int n = 0; n < g.nodeCount(); ++n)
        memo->markerStart[n + 1] += memo->markerStart[n];
    memo->markers.resize(qsizetype(marked.size()));
    QVector<int> fill = memo->markerStart;
    for (int n = 0; n < g.nodeCount(); ++n) {
        for (int i = markedStart[size_t(n)]; i < markedStart[size_t(n) + 1]; ++i)
            memo->markers[fill[marked[size_t(i)]]++] = n;
    }
    memo->moreMarkers.clear();
    memo->values = std::move(values);
    memo->valid = true;
    if (marked.capacity() > (size_t(1) << 22)) // past 16 MB: not kept for the next run
        std::vector<int>().swap(marked);
}

bool rerunStartwise(const CheckContext &ctx, const StartwiseCheck &check, const EdgeEdits &edits,
                    StartwiseMemo &memo, QVector<int> &starts, QVector<Finding> &out)
{
    const RuleGraph &g = ctx.graph;
    if (!memo.valid || memo.markerStart.size() != g.nodeCount() + 1)
        return false;
    QVector<int> touched;
    for (const QVector<EdgeEnds> *list : {&edits.added, &edits.removed}) {
        for (const EdgeEnds &e : *list)
            touched << e.from << e.to;
    }
    if (!updateValues(ctx, check, edits, memo, touched))
        return false;
    std::vector<char> affected(size_t(g.nodeCount()), 0);
    auto affect = [&](int start) {
        if (!affected[size_t(start)]) {
            affected[size_t(start)] = 1;
            starts.push_back(start);
        }
    };
    for (int v : std::as_const(touched)) {
        if (v < 0 || v >= g.nodeCount())
            return false;
        for (int i = memo.markerStart[v]; i < memo.markerStart[v + 1]; ++i)
            affect(memo.markers[i]);
        if (const auto more = memo.moreMarkers.constFind(v); more != memo.moreMarkers.constEnd())
            std::for_each(more->begin(), more->end(), affect);
    }
    std::sort(starts.begin(), starts.end());
    CheckContext local(ctx);
    local.values = &memo.values;
    NodeLists cache;
    std::vector<int> marked;
    for (int s : std::as_const(starts)) {
        marked.clear();
        {
            MarkLog log(&marked);
            check.judge(local, s, cache, out);
        }
        addMarkers(memo, s, marked);
    }
    return true;
}

} // namespace mls

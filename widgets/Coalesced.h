// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaObject>
#include <QObject>

#include <functional>
#include <utility>

namespace mls {

/// A refresh asked for once per model signal, run at once for the first requests of an
/// event-loop turn and, past those, only once more, on the next turn. Every edit a person
/// makes by hand, and any command of a few dozen elements, is still seen synchronously, as
/// before; a listener whose refresh walks the whole board is no longer quadratic in a bulk
/// edit (deleting 5,000 selected cards sends 12,500 removal signals).
///
/// Owned by (a member of) @p context, which the pending call is bound to: it is dropped if the
/// context goes first.
class Coalesced
{
public:
    Coalesced(QObject *context, std::function<void()> fn) : m_context(context), m_fn(std::move(fn))
    {}
    Coalesced(const Coalesced &) = delete;
    Coalesced &operator=(const Coalesced &) = delete;

    /// Requests a turn runs at once; past them, the refresh waits for the next turn.
    static constexpr int atOnce = 64;

    /// Runs the refresh now while the turn has run it fewer than atOnce times, else once on
    /// the next turn.
    void request()
    {
        if (runsNow())
            m_fn();
    }

    /// For a caller whose own work already refreshes (Qt announcing a change itself): true
    /// while the turn is within atOnce requests, and the caller does that work as usual;
    /// false when the refresh will run on the next turn instead.
    bool runsNow()
    {
        if (m_runs == 0) {
            QMetaObject::invokeMethod(
                m_context,
                [this] {
                    m_runs = 0;
                    if (std::exchange(m_pending, false))
                        m_fn();
                },
                Qt::QueuedConnection);
        }
        if (m_runs < atOnce) {
            ++m_runs;
            return true;
        }
        m_pending = true;
        return false;
    }

private:
    QObject *m_context;
    std::function<void()> m_fn;
    int m_runs = 0;         ///< run at once this turn
    bool m_pending = false; ///< asked for since the last of those
};

} // namespace mls

// SPDX-License-Identifier: MIT
#pragma once

#include <QPoint>
#include <QStringList>

#include <functional>

namespace mls {

/// The questions a connect gesture may ask: which flow a new arrow carries, which component an
/// arrow dropped on empty canvas creates. Pop-up menus by default; tests answer instead.
class ConnectPrompts
{
public:
    using FlowChooser = std::function<QString(const QStringList &flows, const QPoint &screenPos)>;
    using KindChooser = std::function<QString(const QStringList &kinds, const QStringList &flows,
                                              const QPoint &screenPos)>;

    void setFlowChooser(FlowChooser chooser) { m_flowChooser = std::move(chooser); }
    void setKindChooser(KindChooser chooser) { m_kindChooser = std::move(chooser); }
    /// The flow picked from @p flows (empty: dismissed).
    QString chooseFlow(const QStringList &flows, const QPoint &screenPos) const;
    /// The kind picked from @p kinds; @p flows[i] is what kinds[i] would receive.
    QString chooseKind(const QStringList &kinds, const QStringList &flows,
                       const QPoint &screenPos) const;

private:
    FlowChooser m_flowChooser;
    KindChooser m_kindChooser;
};

} // namespace mls

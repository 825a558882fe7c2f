// SPDX-License-Identifier: MIT
#pragma once

#include "Finding.h"

#include <QTextBrowser>

class QSplitter;

namespace mls {

/// The Problems dock's detail pane: what the selected finding is, why it matters and how to
/// fix it, compact enough for a low dock, and how much room that text needs.
class FindingDetails : public QTextBrowser
{
    Q_OBJECT
public:
    explicit FindingDetails(QWidget *parent = nullptr);

    /// Explains @p finding; @p places names its components and connections.
    void showFinding(const Finding &finding, const QStringList &places);
    /// Shows a row that is no finding (a stale waiver, a rule pack): its text and a note.
    void showNote(const QString &text, const QString &note);
    /// The height the pane needs at @p width to show its text without scrolling.
    int heightAt(int width) const;
    /// Gives this pane (the second widget of @p split) the room its text needs, so why and fix
    /// read without scrolling: wider beside the list, taller under it; at most two thirds of
    /// the splitter, and never less because a shorter text came along.
    void fitIn(QSplitter *split);
};

} // namespace mls

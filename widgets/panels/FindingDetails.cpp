// SPDX-License-Identifier: MIT
#include "FindingDetails.h"

#include "canvas/FindingBadge.h"

#include <QScreen>
#include <QScrollBar>
#include <QSplitter>
#include <QTextDocument>

#include <algorithm>
#include <cmath>
#include <memory>

namespace mls {

FindingDetails::FindingDetails(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setPlaceholderText(tr("Select a problem to see why it matters and how to fix it."));
}

void FindingDetails::showFinding(const Finding &f, const QStringList &places)
{
    QStringList where;
    for (const QString &place : places)
        where << place.toHtmlEscaped();
    const QColor colour = FindingBadge::color(f.severity());
    // Compact (headings run into their paragraph, small gaps): the dock is short, and the
    // explanation and fix are what the reader is after.
    const QString para = QStringLiteral("<p style='margin:0 0 5px 0'>%1</p>");
    const auto section = [&](const QString &heading, const QString &text) {
        return para.arg(QStringLiteral("<b>%1:</b> %2").arg(heading, text.toHtmlEscaped()));
    };
    QString html = para.arg(
        QStringLiteral("<b>%1</b> · <span style='color:%2;font-weight:bold'>%3</span> · "
                       "%4%5<br/>%6")
            .arg(f.title().toHtmlEscaped(), colour.name(),
                 severityName(f.severity()).left(1).toUpper() + severityName(f.severity()).mid(1),
                 f.rule(), f.waived() ? tr(" · waived") : QString(), f.message().toHtmlEscaped()));
    html += section(tr("Why it matters"), f.explanation());
    html += section(tr("How to fix it"), f.fix());
    if (f.waived())
        html += section(tr("Waived because"), f.waiverReason());
    html += QStringLiteral("<p style='color:gray;margin:0'>%1 %2</p>")
                .arg(tr("Involves:"), where.join(QStringLiteral(", ")));
    setHtml(html);
}

void FindingDetails::showNote(const QString &text, const QString &note)
{
    setHtml(QStringLiteral("<p>%1</p><p>%2</p>").arg(text.toHtmlEscaped(), note.toHtmlEscaped()));
}

int FindingDetails::heightAt(int width) const
{
    const int frame = 2 * frameWidth();
    const std::unique_ptr<QTextDocument> doc(document()->clone());
    // Measured as if the scroll bar were there: a text that needs it at one width wraps more
    // with it, and would keep it.
    doc->setTextWidth(width - frame - verticalScrollBar()->sizeHint().width());
    return int(std::ceil(doc->size().height())) + frame + 2; // + rounding in the view
}

void FindingDetails::fitIn(QSplitter *split)
{
    // The pane gets the room its text needs, so why and fix read without scrolling: wider
    // beside the list (a bottom dock), taller under it (a side dock). It never takes more than
    // two thirds of the splitter, and never shrinks because a shorter text came along.
    const bool beside = split->orientation() == Qt::Horizontal;
    const int total = (beside ? split->width() : split->height()) - split->handleWidth();
    const QList<int> sizes = split->sizes();
    if (total <= 0 || sizes.size() != 2 || document()->isEmpty())
        return;
    const int most = total * 2 / 3;
    int size = sizes[1];
    if (beside) {
        const int shown = height();
        if (heightAt(size) <= shown)
            return;
        int lo = size, hi = std::max(size, most); // the narrowest width that fits
        while (lo < hi) {
            const int mid = (lo + hi) / 2;
            if (heightAt(mid) <= shown)
                hi = mid;
            else
                lo = mid + 1;
        }
        size = lo;
        // Still too short (a low dock): the pane asks for the height, and the dock grows to
        // give it, up to two fifths of the screen. Only ever more, so the dock does not jump
        // as the selection moves.
        const int cap = screen() ? screen()->availableGeometry().height() * 2 / 5 : shown;
        const int needed = std::min(heightAt(size), std::max(shown, cap));
        if (needed > shown && needed > minimumHeight())
            setMinimumHeight(needed);
    } else {
        const int needed = heightAt(width());
        if (needed <= size)
            return;
        size = std::min(needed, std::max(size, most));
    }
    if (size != sizes[1])
        split->setSizes({total - size, size});
}

} // namespace mls

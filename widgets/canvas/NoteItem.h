// SPDX-License-Identifier: MIT
#pragma once

#include "Note.h"

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QList>
#include <QPair>
#include <QStringList>

namespace mls {

/// A note on the board. Sticky: a coloured square with a soft shadow and its text wrapped
/// inside. Free text: only the wrapped text, with a dashed outline while selected or hovered.
/// Drawn above the zones and below the arrows and cards (z 0). The item only shows the model:
/// moving, resizing and editing go through commands (CanvasController, SceneNotes).
class NoteItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 5
    };
    static constexpr qreal padding = 10;  ///< between the note's edge and its text
    static constexpr qreal gripSize = 12; ///< the resize grip in the bottom-right corner

    explicit NoteItem(const Note &n);

    int type() const override { return Type; }
    const QString &noteId() const { return m_note.id; }
    const Note &note() const { return m_note; }
    void sync(const Note &n);

    /// The note's outline in scene coordinates (where the item is drawn now, which is ahead of
    /// the model during a drag).
    QRectF sceneNoteRect() const { return QRectF(pos(), m_note.rect.size()); }
    /// Whether a press at @p scenePos grabs the resize grip (only on a selected note).
    bool gripContains(const QPointF &scenePos) const;
    /// Shows the note at @p sceneRect while its grip is dragged (the model is unchanged).
    void previewRect(const QRectF &sceneRect);
    /// Hides the drawn text while the in-place editor shows it.
    void setEditing(bool editing);

    /// The sticky colour of @p n: its own when set, else the default soft yellow.
    static QColor stickyColor(const Note &n);
    /// The named sticky colours offered in the menus ("#RRGGBB"; the first is the default).
    static QList<QPair<QString, QString>> stickyPalette();
    static QFont font(Note::Style style);
    /// The colour of the note's text on a board drawn in @p style.
    static QColor ink(Note::Style noteStyle, const QColor &boardText);
    /// @p text broken into the lines a note shows at @p width (its own line breaks, then word
    /// wrap; a word longer than the width is broken).
    static QStringList wrapLines(const QString &text, const QFont &font, qreal width);
    /// The height a note of @p width needs to show @p text in @p style without clipping.
    static qreal heightFor(const QString &text, qreal width, Note::Style style);

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    QRectF boundingRect() const override;
    /// The whole note picks it (free text too, not only its words).
    QPainterPath shape() const override;

protected:
    /// Hovering shows a free text note's outline, and the resize cursor over the grip.
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    QRectF localRect() const { return QRectF(QPointF(0, 0), m_note.rect.size()); }
    QRectF gripRect() const;
    void paintSticky(QPainter *painter) const;
    void paintText(QPainter *painter, const QColor &ink) const;
    /// A board that can be edited (not an export) shows hints: a placeholder, the grip.
    bool editable() const;

    Note m_note;
    bool m_hovered = false;
    bool m_editing = false;
};

} // namespace mls

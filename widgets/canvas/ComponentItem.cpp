// SPDX-License-Identifier: MIT
#include "ComponentItem.h"

#include "CardGeometry.h"
#include "CardStyle.h"
#include "Catalog.h"
#include "DiagramScene.h"
#include "IconCache.h"
#include "PinGlyph.h"
#include "layout/DiagramLayout.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace mls {

namespace {
constexpr qreal farLod = 0.35; ///< below: a coloured block with its label alone

/// Where the label goes on the block drawn zoomed far out.
QRectF farLabelBox(const QRectF &card)
{
    return card.adjusted(8, 3, -8, -3);
}

/// The label's pixel size (scene units) on the far-out block in @p lines lines at @p lod;
/// nullopt when it would be too small on screen to read (noise: the block stays plain).
std::optional<qreal> farLabelPx(const QRectF &card, qreal lines, qreal lod)
{
    constexpr qreal wantedPx = 8.5;   // on screen
    constexpr qreal smallestPx = 6.5; // below this a label is noise
    const qreal px =
        std::min(wantedPx / std::max(lod, 0.01), farLabelBox(card).height() / (lines * 1.2));
    if (px * lod < smallestPx)
        return std::nullopt;
    return px;
}
} // namespace

ComponentItem::ComponentItem(const Component &c) : m_id(c.id)
{
    setFlag(ItemIsSelectable);
    setFlag(ItemIsFocusable);
    setAcceptHoverEvents(true);
    setZValue(1);
    sync(c);
}

void ComponentItem::sync(const Component &c)
{
    prepareGeometryChange();
    const KindInfo *kind = Catalog::builtin().kind(c.kind);
    m_kind = c.kind;
    m_label = Catalog::builtin().displayName(c);
    m_known = kind != nullptr;
    m_kindText = Catalog::builtin().kindLabel(c.kind);
    layoutCard();
    m_accent = kind ? kind->color : QColor(0x9C, 0xA3, 0xAF);
    m_icon = IconCache::iconFileForKind(c.kind);
    m_pinned = DiagramLayout::isPinned(c);
    setPos(c.pos);
    update();
}

void ComponentItem::layoutCard()
{
    // Once per change of label or kind, never per paint. The lines and their real widths
    // (font shaping: most of building a big board's cards) wait until a paint shows them.
    const QSizeF size = CardGeometry::layout(m_label, m_kindText).size;
    m_card = QRectF(-size.width() / 2, -size.height() / 2, size.width(), size.height());
    m_lines.reset();
}

const QStringList &ComponentItem::labelLines() const
{
    if (!m_lines) {
        CardGeometry::CardText text = CardGeometry::layout(m_label, m_kindText);
        LabelLines laid;
        const QFontMetricsF lm(CardStyle::light().labelFont()); // the same font in dark
        for (const QString &line : std::as_const(text.lines))
            laid.fits << std::min(1.0, text.textWidth / std::max(1.0, lm.horizontalAdvance(line)));
        laid.lines = std::move(text.lines);
        m_lines = std::move(laid);
    }
    return m_lines->lines;
}

const QVector<qreal> &ComponentItem::lineFits() const
{
    labelLines();
    return m_lines->fits;
}

QString ComponentItem::toolTipText() const
{
    const KindInfo *kind = Catalog::builtin().kind(m_kind);
    const QString about =
        kind ? QStringLiteral("<b>%1</b> — %2<br/>%3")
                   .arg(m_label.toHtmlEscaped(), kind->label.toHtmlEscaped(),
                        kind->description.toHtmlEscaped())
             : QStringLiteral("<b>%1</b><br/>Unknown kind “%2”: kept from the file, "
                              "not in this version's catalog.")
                   .arg(m_label.toHtmlEscaped(), m_kind.toHtmlEscaped());
    const auto *board = qobject_cast<const DiagramScene *>(scene());
    const QString findings = m_marker && board ? board->markerToolTip(m_id) : QString();
    return findings.isEmpty() ? about : about + QStringLiteral("<hr/>") + findings;
}

void ComponentItem::setMarker(const std::optional<FindingBadge::Marker> &marker)
{
    if (m_marker == marker)
        return;
    m_marker = marker;
    update();
}

void ComponentItem::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

void ComponentItem::setPairColor(const QColor &color)
{
    if (m_pairColor == color)
        return;
    m_pairColor = color;
    update();
}

bool ComponentItem::grabsConnection(const QPointF &scenePos) const
{
    return ConnectHandles::grabs(m_card, mapFromScene(scenePos));
}

void ComponentItem::setConnectFeedback(ConnectFeedback feedback)
{
    if (m_feedback == feedback)
        return;
    m_feedback = feedback;
    update();
}

void ComponentItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void ComponentItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    const QRectF card = m_card;
    const auto hot = ConnectHandles::handleAt(card, event->pos());
    if (hot != m_hotHandle) {
        m_hotHandle = hot;
        update();
    }
    // A crosshair where a press connects; the arrow (move) elsewhere on the card.
    if (hot || ConnectHandles::inEdgeZone(card, event->pos()))
        setCursor(Qt::CrossCursor);
    else
        unsetCursor();
    QGraphicsItem::hoverMoveEvent(event);
}

void ComponentItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    m_hotHandle.reset();
    unsetCursor();
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

QRectF ComponentItem::boundingRect() const
{
    // Room for the selection ring, the connection handles' hit areas that stick out on every
    // side, and the design-rule badge and path halo around the card.
    const qreal r = ConnectHandles::reach + 1;
    return m_card.adjusted(-r, -std::max(r, FindingBadge::maxRadius + 2), r, r);
}

QPainterPath ComponentItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(m_card, CardStyle::cardRadius, CardStyle::cardRadius);
    // The handles stick out of the card and must be grabbable (and hoverable) all around them.
    const QRectF card = m_card;
    for (ConnectHandles::Side side : ConnectHandles::sides)
        path.addEllipse(ConnectHandles::centre(card, side), ConnectHandles::hitRadius,
                        ConnectHandles::hitRadius);
    return path.simplified();
}

void ComponentItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    auto *diagramScene = qobject_cast<DiagramScene *>(scene());
    const CardStyle style = diagramScene ? diagramScene->style() : CardStyle::light();
    const QRectF card = m_card;
    const qreal r = CardStyle::cardRadius;
    const QColor accent = style.accent(m_accent);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing);

    // Far out, a card is a coloured block with its label alone, as large as the block allows:
    // the icon and the kind line would be unreadable and cost the most.
    if (lod < farLod) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(blockColor(style));
        painter->drawRoundedRect(card, r, r);
        paintFarLabel(painter, style, lod);
        paintRuleDecorations(painter, lod);
        return;
    }

    QPen border(m_known ? style.cardBorder : style.unknown, 1);
    if (!m_known)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(style.cardFill);
    painter->drawRoundedRect(card, r, r);

    // Category stripe on the left edge.
    QPainterPath stripe;
    stripe.addRoundedRect(QRectF(card.left(), card.top(), 2 * r, card.height()), r, r);
    QPainterPath clip;
    clip.addRect(QRectF(card.left(), card.top(), 5, card.height()));
    painter->setPen(Qt::NoPen);
    painter->setBrush(accent);
    painter->drawPath(stripe.intersected(clip));

    // Icon on a tinted badge.
    const qreal badge = 34;
    const QRectF badgeRect(card.left() + 13, -badge / 2, badge, badge);
    QColor tint = accent;
    tint.setAlphaF(style.dark ? 0.28 : 0.14);
    painter->setBrush(tint);
    painter->drawRoundedRect(badgeRect, 7, 7);
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const int iconPx = int(CardStyle::iconSize);
    IconCache::instance().paint(painter,
                                QRectF(badgeRect.center().x() - iconPx / 2.0,
                                       badgeRect.center().y() - iconPx / 2.0, iconPx, iconPx),
                                m_icon, style.dark ? style.ink : accent.darker(125),
                                dpr * qMax<qreal>(1.0, lod));

    // The label's lines (wrapped by CardGeometry, so never cut) above the kind line; a line
    // the real font draws wider than estimated is narrowed to fit.
    const qreal textLeft = card.left() + CardGeometry::textLeft;
    const qreal textWidth = card.right() - CardGeometry::textRight - textLeft;
    const QFont kindFont = style.kindFont();
    const QFontMetricsF km(kindFont);
    const qreal lineH = CardGeometry::labelLineHeight;
    const QStringList &lines = labelLines();
    const QVector<qreal> &fits = lineFits();
    qreal y = -(lines.size() * lineH + CardGeometry::kindLineHeight) / 2;
    painter->setFont(style.labelFont());
    painter->setPen(style.text);
    for (int i = 0; i < lines.size(); ++i, y += lineH) {
        const qreal fit = fits.value(i, 1.0);
        const QRectF line(textLeft, y, textWidth / fit, lineH);
        if (fit < 1.0) {
            painter->save();
            painter->translate(textLeft, 0);
            painter->scale(fit, 1.0);
            painter->translate(-textLeft, 0);
        }
        painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter, lines.at(i));
        if (fit < 1.0)
            painter->restore();
    }
    painter->setFont(kindFont);
    painter->setPen(m_known ? style.subtleText : style.unknown);
    painter->drawText(QRectF(textLeft, y, textWidth, CardGeometry::kindLineHeight),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      km.elidedText(m_kindText, Qt::ElideRight, textWidth));

    paintDecorations(painter, style);
    paintRuleDecorations(painter, lod);
}

QColor ComponentItem::blockColor(const CardStyle &style) const
{
    return isSelected() ? style.selection : style.accent(m_accent);
}

std::optional<QColor> ComponentItem::plainBlockColor(qreal lod, const CardStyle &style) const
{
    // One line is the smaller need: when it does not fit, paintFarLabel() draws nothing.
    if (lod >= farLod || m_highlighted || m_pairColor.isValid() || farLabelPx(m_card, 1, lod))
        return std::nullopt;
    return blockColor(style);
}

void ComponentItem::paintFarLabel(QPainter *painter, const CardStyle &style, qreal lod)
{
    const QRectF box = farLabelBox(m_card);
    QFont font = style.labelFont();
    // Two centred lines when they are big enough on screen, else one elided line.
    for (const qreal lines : {2.0, 1.0}) {
        const std::optional<qreal> px = farLabelPx(m_card, lines, lod);
        if (!px)
            continue;
        font.setPixelSize(std::max(1, int(*px)));
        const QFontMetricsF fm(font);
        const int wrapped = Qt::AlignCenter | Qt::TextWordWrap;
        QString text = m_label;
        int flags = wrapped;
        const QRectF need = fm.boundingRect(box, wrapped, text);
        if (lines < 2 || need.height() > box.height() + 0.5 || need.width() > box.width() + 0.5) {
            text = fm.elidedText(m_label, Qt::ElideRight, box.width());
            flags = Qt::AlignCenter;
        }
        painter->setFont(font);
        painter->setPen(Qt::white);
        painter->drawText(box, flags, text);
        return;
    }
}

void ComponentItem::paintRuleDecorations(QPainter *painter, qreal lod)
{
    const QRectF card = m_card;
    if (m_highlighted) {
        QColor halo = FindingBadge::pathColor();
        halo.setAlphaF(0.55);
        painter->setBrush(Qt::NoBrush);
        // At least ~3 px on screen when zoomed out; stays inside boundingRect().
        painter->setPen(QPen(halo, std::clamp(3.5 / std::max(lod, 0.01), 3.0, 9.0)));
        const qreal r = CardStyle::cardRadius + 3;
        painter->drawRoundedRect(card.adjusted(-3, -3, 3, 3), r, r);
    }
    if (m_pairColor.isValid()) {
        // Inside the halo's ring, so a paired card on a critical path shows both.
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(m_pairColor, std::clamp(3.0 / std::max(lod, 0.01), 3.0, 8.0)));
        painter->drawRoundedRect(card.adjusted(-1, -1, 1, 1), CardStyle::cardRadius + 1,
                                 CardStyle::cardRadius + 1);
    }
    auto *diagramScene = qobject_cast<DiagramScene *>(scene());
    if (m_marker && (!diagramScene || diagramScene->markersVisible()))
        FindingBadge::paint(painter, markerCentre(), m_marker->severity,
                            FindingBadge::radiusAt(lod));
}

void ComponentItem::paintDecorations(QPainter *painter, const CardStyle &style)
{
    const QRectF card = m_card;
    const qreal r = CardStyle::cardRadius;
    if (m_pinned)
        PinGlyph::paint(painter, card, style);
    if (m_feedback != ConnectFeedback::None) {
        const QColor c =
            m_feedback == ConnectFeedback::Accepts ? QColor(0x16, 0xA3, 0x4A) : style.unknown;
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(c, 3));
        painter->drawRoundedRect(card.adjusted(-3, -3, 3, 3), r + 3, r + 3);
    } else if (isSelected()) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(style.selection, 2));
        painter->drawRoundedRect(card.adjusted(-2, -2, 2, 2), r + 2, r + 2);
    }
    if (m_hovered)
        ConnectHandles::paint(painter, card, style, m_hotHandle);
}

} // namespace mls

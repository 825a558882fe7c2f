// SPDX-License-Identifier: MIT
#include "PalettePanel.h"

#include "Catalog.h"
#include "IconCache.h"
#include "KindSearch.h"
#include "MimeTypes.h"
#include "canvas/CardStyle.h"

#include <QDrag>
#include <QEvent>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QPolygonF>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mls {

namespace {

constexpr int KindIdRole = Qt::UserRole;    // kind id; empty on category headers
constexpr int ColorRole = Qt::UserRole + 2; // category colour, on headers
constexpr int IconRole = Qt::UserRole + 3;  // icon file, on kinds
constexpr int OrderRole = Qt::UserRole + 4; // catalog order
constexpr int RankRole = Qt::UserRole + 5;  // KindMatch of the search; best child on headers
constexpr int KindRowHeight = 28;
constexpr int HeaderRowHeight = 34;
constexpr int IconPx = 20;
constexpr int DragIconPx = 32;

bool isHeader(const QModelIndex &index)
{
    return !index.parent().isValid();
}

/// Paints category headers as quiet section titles (colour dot, caption, chevron) and gives
/// every row a comfortable height; kind rows keep the style's own look.
class PaletteDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(isHeader(index) ? HeaderRowHeight : KindRowHeight);
        return size;
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        if (!isHeader(index)) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        const auto *tree = qobject_cast<const QTreeView *>(option.widget);
        const bool expanded = tree && tree->isExpanded(index);
        const CardStyle style = CardStyle::fromPalette(option.palette);
        const QRect r = option.rect.adjusted(8, 6, -10, 0); // air above each section
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QColor text = option.palette.color(QPalette::WindowText);
        text.setAlphaF(0.72f);
        const QColor accent = style.accent(index.data(ColorRole).value<QColor>());
        painter->setPen(Qt::NoPen);
        painter->setBrush(accent);
        painter->drawEllipse(QPointF(r.left() + 4, r.center().y()), 4, 4);

        QFont font = option.font;
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 0.92);
        painter->setFont(font);
        painter->setPen(text);
        const QRect textRect = r.adjusted(16, 0, -16, 0);
        const QString caption = index.data(Qt::DisplayRole).toString();
        painter->drawText(
            textRect, Qt::AlignVCenter | Qt::AlignLeft,
            painter->fontMetrics().elidedText(caption, Qt::ElideRight, textRect.width()));
        drawChevron(painter, QPointF(r.right() - 4, r.center().y()), expanded, text);
        painter->restore();
    }

private:
    static void drawChevron(QPainter *painter, QPointF c, bool expanded, const QColor &colour)
    {
        const QPolygonF arrow =
            expanded ? QPolygonF({c + QPointF(-4, -2), c + QPointF(0, 2), c + QPointF(4, -2)})
                     : QPolygonF({c + QPointF(-2, -4), c + QPointF(2, 0), c + QPointF(-2, 4)});
        painter->setPen(QPen(colour, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->drawPolyline(arrow);
    }
};

/// The tree of kinds under flat section headers; a drag carries the kind id (see
/// PalettePanel::mimeDataForKind).
class KindTree : public QTreeWidget
{
public:
    explicit KindTree(QWidget *parent) : QTreeWidget(parent)
    {
        setObjectName(QStringLiteral("paletteList"));
        setItemDelegate(new PaletteDelegate(this));
        setHeaderHidden(true);
        setRootIsDecorated(false); // headers draw their own chevron
        setIndentation(10);
        setIconSize(QSize(IconPx, IconPx));
        setFrameShape(QFrame::NoFrame);
        setExpandsOnDoubleClick(false);
        setDragDropMode(QAbstractItemView::DragOnly);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    }

protected:
    void startDrag(Qt::DropActions supportedActions) override
    {
        const QTreeWidgetItem *item = currentItem();
        const QString kind = item ? item->data(0, KindIdRole).toString() : QString();
        if (kind.isEmpty())
            return;
        const QColor ink = CardStyle::fromPalette(palette()).ink;
        auto *drag = new QDrag(this);
        drag->setMimeData(PalettePanel::mimeDataForKind(kind));
        drag->setPixmap(IconCache::instance().pixmap(item->data(0, IconRole).toString(), DragIconPx,
                                                     ink, devicePixelRatioF()));
        drag->setHotSpot(QPoint(DragIconPx / 2, DragIconPx / 2));
        drag->exec(supportedActions & Qt::CopyAction ? Qt::CopyAction : supportedActions);
    }
};

/// A row ordered by how well it matches the search, then by catalog order.
class RankedItem : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;

    bool operator<(const QTreeWidgetItem &other) const override
    {
        const auto key = [](const QTreeWidgetItem &item) {
            return std::pair(item.data(0, RankRole).toInt(), item.data(0, OrderRole).toInt());
        };
        return key(*this) < key(other);
    }
};

QString tooltipFor(const KindInfo &kind, const QString &categoryLabel)
{
    return QStringLiteral("<p style='white-space:nowrap'><b>%1</b><br/>%2</p><p>%3</p>")
        .arg(kind.label.toHtmlEscaped(), categoryLabel.toHtmlEscaped(),
             kind.description.toHtmlEscaped());
}

QTreeWidgetItem *makeKindItem(const KindInfo &kind, const QString &categoryLabel, int order)
{
    auto *item = new RankedItem(QStringList{kind.label});
    item->setData(0, OrderRole, order);
    item->setData(0, KindIdRole, kind.id);
    item->setData(0, IconRole, kind.icon);
    item->setToolTip(0, tooltipFor(kind, categoryLabel));
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    return item;
}

/// The kind's icon in @p ink, and in @p selectedInk on a selected (highlighted) row.
QIcon kindIcon(const QString &file, const QColor &ink, const QColor &selectedInk)
{
    IconCache &cache = IconCache::instance();
    QIcon icon = cache.icon(file, ink);
    for (qreal dpr : {1.0, 2.0})
        for (int size : {16, 20, 24, 32})
            icon.addPixmap(cache.pixmap(file, size, selectedInk, dpr), QIcon::Selected);
    return icon;
}

bool isReturn(const QKeyEvent *event)
{
    return event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
}

} // namespace

PalettePanel::PalettePanel(QWidget *parent) : QWidget(parent)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("paletteSearch"));
    m_search->setPlaceholderText(tr("Search components (e.g. kafka, milvus)"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);

    m_tree = new KindTree(this);
    m_tree->installEventFilter(this);

    m_empty = new QLabel(this);
    m_empty->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText); // it quotes what the user typed
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setContentsMargins(12, 16, 12, 0);
    m_empty->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(6);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_empty, 1);

    buildTree();
    connect(m_search, &QLineEdit::textChanged, this, &PalettePanel::applyFilter);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        if (item->parent()) // a header already toggled on the first click
            activateItem(item);
    });
    connect(m_tree, &QTreeWidget::itemClicked, this, [](QTreeWidgetItem *item) {
        if (!item->parent())
            item->setExpanded(!item->isExpanded());
    });
    setFocusProxy(m_search);
}

void PalettePanel::buildTree()
{
    const Catalog &catalog = Catalog::builtin();
    int order = 0;
    for (const Category &category : catalog.categories()) {
        auto *header = new RankedItem(m_tree, QStringList{category.label});
        header->setData(0, ColorRole, category.color);
        header->setData(0, OrderRole, order++);
        header->setFlags(Qt::ItemIsEnabled);
        for (const KindInfo &kind : catalog.kinds())
            if (kind.category == category.id)
                header->addChild(makeKindItem(kind, category.label, order++));
        header->setHidden(header->childCount() == 0);
        header->setExpanded(true);
    }
    applyInk();
}

void PalettePanel::applyInk()
{
    const QColor ink = CardStyle::fromPalette(palette()).ink;
    const QColor selectedInk = palette().color(QPalette::HighlightedText);
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem *header = m_tree->topLevelItem(c);
        for (int k = 0; k < header->childCount(); ++k) {
            QTreeWidgetItem *item = header->child(k);
            item->setIcon(0, kindIcon(item->data(0, IconRole).toString(), ink, selectedInk));
        }
    }
}

void PalettePanel::setFilter(const QString &text)
{
    if (m_search->text() == text)
        applyFilter(text);
    else
        m_search->setText(text); // textChanged applies it
}

QString PalettePanel::filter() const
{
    return m_search->text();
}

void PalettePanel::applyFilter(const QString &text)
{
    const Catalog &catalog = Catalog::builtin();
    const bool searching = !text.simplified().isEmpty();
    bool any = false;
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem *header = m_tree->topLevelItem(c);
        int best = int(KindMatch::NoMatch);
        for (int k = 0; k < header->childCount(); ++k) {
            QTreeWidgetItem *item = header->child(k);
            const KindInfo *kind = catalog.kind(item->data(0, KindIdRole).toString());
            const int rank =
                int(kind ? matchKind(*kind, header->text(0), text) : KindMatch::NoMatch);
            item->setData(0, RankRole, rank);
            item->setHidden(rank == int(KindMatch::NoMatch));
            best = std::min(best, rank);
        }
        const bool categoryMatches = best != int(KindMatch::NoMatch);
        header->setData(0, RankRole, best);
        header->setHidden(!categoryMatches);
        // A search must show its hits even in a section the user collapsed.
        if (categoryMatches && searching)
            header->setExpanded(true);
        any |= categoryMatches;
    }
    // Best matches first (sections by their best kind), so Enter adds the best one; an empty
    // search ranks everything alike and restores the catalog order.
    m_tree->sortItems(0, Qt::AscendingOrder);
    m_tree->setVisible(any);
    m_empty->setVisible(!any);
    m_empty->setText(tr("No components match \u201c%1\u201d.").arg(text.simplified()));
}

QStringList PalettePanel::visibleKinds() const
{
    QStringList kinds;
    for (const QTreeWidgetItem *item : visibleKindItems())
        kinds << item->data(0, KindIdRole).toString();
    return kinds;
}

QList<QTreeWidgetItem *> PalettePanel::visibleKindItems() const
{
    QList<QTreeWidgetItem *> items;
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem *header = m_tree->topLevelItem(c);
        for (int k = 0; k < header->childCount() && !header->isHidden(); ++k)
            if (!header->child(k)->isHidden())
                items << header->child(k);
    }
    return items;
}

QLineEdit *PalettePanel::searchField() const
{
    return m_search;
}

QTreeView *PalettePanel::view() const
{
    return m_tree;
}

QMimeData *PalettePanel::mimeDataForKind(const QString &kind)
{
    auto *mime = new QMimeData;
    mime->setData(kindMimeType(), kind.toUtf8());
    mime->setText(kind);
    return mime;
}

void PalettePanel::activateItem(QTreeWidgetItem *item)
{
    if (!item)
        return;
    if (!item->parent()) {
        item->setExpanded(!item->isExpanded());
        return;
    }
    emit addRequested(item->data(0, KindIdRole).toString());
}

bool PalettePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (watched == m_search)
            return handleSearchKey(key);
        if (watched == m_tree)
            return handleListKey(key);
    }
    return QWidget::eventFilter(watched, event);
}

bool PalettePanel::handleSearchKey(QKeyEvent *event)
{
    QTreeWidgetItem *first = visibleKindItems().value(0);
    if (event->key() == Qt::Key_Down && first) {
        m_tree->setCurrentItem(first);
        m_tree->setFocus(Qt::TabFocusReason);
        return true;
    }
    if (isReturn(event)) {
        if (first)
            emit addRequested(first->data(0, KindIdRole).toString());
        return true;
    }
    if (event->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
        m_search->clear();
        return true;
    }
    return false;
}

bool PalettePanel::handleListKey(QKeyEvent *event)
{
    if (isReturn(event)) {
        activateItem(m_tree->currentItem());
        return true;
    }
    if (event->key() == Qt::Key_Up && m_tree->currentItem() == visibleKindItems().value(0)) {
        m_search->setFocus(Qt::BacktabFocusReason);
        return true;
    }
    // Typing in the list refines the search instead of jumping between rows.
    const QString text = event->text();
    const bool printable = !text.isEmpty() && text.at(0).isPrint() &&
                           !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier));
    if (printable) {
        m_search->setFocus(Qt::OtherFocusReason);
        m_search->insert(text);
        return true;
    }
    return false;
}

void PalettePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyInk();
    QWidget::changeEvent(event);
}

} // namespace mls

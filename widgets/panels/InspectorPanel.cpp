#include "InspectorPanel.h"

#include "Catalog.h"
#include "Diagram.h"
#include "IconCache.h"
#include "PropsTable.h"
#include "commands/CommandIds.h"
#include "commands/EditComponentCommand.h"
#include "commands/EditConnectionCommand.h"
#include "commands/SetMetaCommand.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSet>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStyle>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

namespace mls {

namespace {

const char *const LatencyKey = "latency_ms";
constexpr double NoOverride = -1; ///< latency spin box value that shows "Default (N ms)"

/// Milliseconds without trailing zeros ("120 ms", "12.5 ms"). Stepping up from the special
/// "Default" value starts at the default rather than at 0.
class MillisecondSpinBox : public QDoubleSpinBox
{
public:
    explicit MillisecondSpinBox(QWidget *parent) : QDoubleSpinBox(parent)
    {
        setDecimals(2);
        setSuffix(QStringLiteral(" ms"));
        setAccelerated(true);
    }
    double defaultValue = 0;

    QString textFromValue(double value) const override
    {
        QString text = locale().toString(value, 'f', QLocale::FloatingPointShortest);
        if (!isGroupSeparatorShown())
            text.remove(locale().groupSeparator());
        return text;
    }
    void stepBy(int steps) override
    {
        if (!specialValueText().isEmpty() && value() == minimum() && steps > 0)
            setValue(defaultValue);
        else
            QDoubleSpinBox::stepBy(steps);
    }
};

/// 120 rather than 120.0 in the file when the number is whole.
Json jsonNumber(double v)
{
    if (std::floor(v) == v && std::fabs(v) < 1e15)
        return Json(static_cast<long long>(v));
    return Json(v);
}

bool hasLatencyOverride(const Json &props)
{
    return props.is_object() && props.contains(LatencyKey) && props[LatencyKey].is_number();
}

/// The props the table shows: everything but a numeric latency override (the spin box's).
Json tableProps(const Json &props)
{
    Json others = props.is_object() ? props : Json::object();
    if (hasLatencyOverride(others))
        others.erase(LatencyKey);
    return others;
}

/// The table's rows with the model's latency override put back at its old position.
Json withLatency(const Json &current, const Json &rows)
{
    if (!hasLatencyOverride(current) || rows.contains(LatencyKey))
        return rows;
    int position = 0;
    for (auto it = current.begin(); it != current.end() && it.key() != LatencyKey; ++it)
        ++position;
    Json out = Json::object();
    int i = 0;
    for (auto it = rows.begin(); it != rows.end(); ++it, ++i) {
        if (i == position)
            out[LatencyKey] = current[LatencyKey];
        out[it.key()] = it.value();
    }
    if (!out.contains(LatencyKey))
        out[LatencyKey] = current[LatencyKey];
    return out;
}

/// Shows @p text without disturbing a field that already says it; an unfocused field shows
/// the start of a long text rather than its end.
void showText(QLineEdit *edit, const QString &text)
{
    if (edit->text() == text)
        return;
    edit->setText(text);
    if (!edit->hasFocus())
        edit->setCursorPosition(0);
}

/// A short arrow in the flow's colour and line style, as the canvas draws it.
QIcon flowIcon(const FlowType &flow)
{
    QPixmap pm(32, 32); // drawn at 2x so it stays crisp on high-dpi screens
    pm.setDevicePixelRatio(2);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    QPen pen(flow.color, 2);
    pen.setStyle(flow.style == FlowType::Style::Dashed   ? Qt::DashLine
                 : flow.style == FlowType::Style::Dotted ? Qt::DotLine
                                                         : Qt::SolidLine);
    pen.setCapStyle(Qt::FlatCap);
    p.setPen(pen);
    p.drawLine(QPointF(1, 8), QPointF(11, 8));
    p.setPen(Qt::NoPen);
    p.setBrush(flow.color);
    p.drawPolygon(QPolygonF({QPointF(10, 4), QPointF(15, 8), QPointF(10, 12)}));
    return QIcon(pm);
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 1.25);
    label->setFont(f);
    return label;
}

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

QFormLayout *formLayout()
{
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    // Full-width fields on every platform (macOS keeps them at size hint by default); label
    // alignment and row wrapping stay the platform's.
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return form;
}

/// Asks for the height @p label's wrapped text needs at its width. QFormLayout gives a
/// word-wrapped label in a spanning row too few lines of its own accord (a long kind
/// description was cut off).
void fitWrapped(QLabel *label)
{
    const int needed = label->heightForWidth(label->width());
    if (needed > 0 && label->minimumHeight() != needed)
        label->setMinimumHeight(needed);
}

/// A word-wrapped label that keeps fitWrapped() as its width changes.
class WrappedLabel : public QLabel
{
public:
    using QLabel::QLabel;

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        fitWrapped(this);
    }
};

/// A page: heading on top, content below, scrolling vertically when the dock is short.
/// A scroll area whose page is as tall as its word-wrapped labels need at the current width.
/// QScrollArea sizes a resizable page by its minimum size, which ignores height-for-width, so
/// a long kind description was cut off.
class PageScrollArea : public QScrollArea
{
public:
    void setPage(QWidget *page)
    {
        setWidget(page);
        page->installEventFilter(this);
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QScrollArea::resizeEvent(event);
        fitPage();
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == widget() && event->type() == QEvent::LayoutRequest)
            fitPage();
        return QScrollArea::eventFilter(watched, event);
    }

private:
    void fitPage()
    {
        QWidget *page = widget();
        if (!page || !page->layout() || !page->layout()->hasHeightForWidth())
            return;
        const int needed = page->layout()->totalHeightForWidth(viewport()->width());
        if (page->minimumHeight() != needed)
            page->setMinimumHeight(needed);
    }
};

QWidget *scrollPage(QWidget *content)
{
    auto *scroll = new PageScrollArea;
    scroll->setPage(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return scroll;
}

} // namespace

InspectorPanel::InspectorPanel(QWidget *parent) : QWidget(parent), m_pages(new QStackedWidget(this))
{
    // Page order matches the Page enum.
    m_pages->addWidget(buildDiagramPage());
    m_pages->addWidget(buildComponentPage());
    m_pages->addWidget(buildConnectionPage());
    m_pages->addWidget(buildMultiplePage());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    applySubtleColours();
    setDocument(nullptr, nullptr);
}

QWidget *InspectorPanel::buildComponentPage()
{
    auto *page = new QWidget;
    m_label = new QLineEdit(page);
    m_label->setPlaceholderText(tr("Name shown on the card"));
    m_kind = new QComboBox(page);
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_kind->setMinimumContentsLength(8);
    m_kind->setMaxVisibleItems(20);
    fillKindCombo();
    m_kindDescription = new WrappedLabel(page);
    m_kindDescription->setWordWrap(true);
    m_kindDescription->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtleLabels.append(m_kindDescription);

    auto *latency = new MillisecondSpinBox(page);
    latency->setRange(NoOverride, 1e6);
    latency->setSingleStep(5);
    latency->setToolTip(tr("p99 latency of this component on the request path; leave at "
                           "Default to use the kind's typical value"));
    m_latency = latency;
    m_latencyReset = new QToolButton(page);
    m_latencyReset->setText(tr("Reset"));
    m_latencyReset->setToolTip(tr("Use the kind's default latency"));
    auto *latencyRow = new QHBoxLayout;
    latencyRow->setContentsMargins(0, 0, 0, 0);
    latencyRow->addWidget(m_latency, 1);
    latencyRow->addWidget(m_latencyReset);

    m_notes = new QPlainTextEdit(page);
    m_notes->setPlaceholderText(tr("Assumptions, capacity, open questions…"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMinimumHeight(m_notes->fontMetrics().lineSpacing() * 5 + 12);
    // Grows into the space left, but does not ask for more (no scroll bar at 600 px).
    m_notes->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    m_props = new PropsTable(page);

    auto *form = formLayout();
    form->addRow(tr("&Label:"), m_label);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(m_kindDescription);
    auto *latencyLabel = new QLabel(tr("La&tency p99:"), page);
    latencyLabel->setBuddy(m_latency);
    form->addRow(latencyLabel, latencyRow);
    form->addRow(tr("&Notes:"), m_notes);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Component"), page));
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(sectionLabel(tr("Properties"), page));
    layout->addWidget(m_props, 1);

    connect(m_label, &QLineEdit::textEdited, this, &InspectorPanel::editLabel);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &InspectorPanel::editKind);
    connect(m_notes, &QPlainTextEdit::textChanged, this, &InspectorPanel::editNotes);
    connect(m_latency, &QDoubleSpinBox::valueChanged, this, &InspectorPanel::editLatency);
    connect(m_latencyReset, &QToolButton::clicked, this, &InspectorPanel::resetLatency);
    connect(m_props, &PropsTable::edited, this, &InspectorPanel::editProps);
    return scrollPage(page);
}

void InspectorPanel::fillKindCombo()
{
    const Catalog &catalog = Catalog::builtin();
    auto *model = qobject_cast<QStandardItemModel *>(m_kind->model());
    QVector<Category> categories = catalog.categories();
    categories.append(Category{QString(), tr("Other"), QColor()});
    for (const Category &category : categories) {
        bool first = true;
        for (const KindInfo &kind : catalog.kinds()) {
            if (kind.category != category.id &&
                (!category.id.isEmpty() || catalog.category(kind.category)))
                continue;
            if (first && model) {
                // A category header: shown in the list, never chosen.
                auto *header = new QStandardItem(category.label);
                header->setFlags(Qt::NoItemFlags);
                QFont f = m_kind->font();
                f.setBold(true);
                header->setFont(f);
                model->appendRow(header);
            }
            first = false;
            m_kind->addItem(IconCache::instance().icon(kind.icon, kind.color), kind.label, kind.id);
            m_kind->setItemData(m_kind->count() - 1, kind.description, Qt::ToolTipRole);
        }
    }
    // The list may be wider than the field: a narrow dock must not elide kind names.
    QAbstractItemView *view = m_kind->view();
    view->setMinimumWidth(view->sizeHintForColumn(0) +
                          view->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 8);
}

QWidget *InspectorPanel::buildConnectionPage()
{
    auto *page = new QWidget;
    m_ends = new QLabel(page);
    m_ends->setWordWrap(true);
    QFont endsFont = m_ends->font();
    endsFont.setBold(true);
    m_ends->setFont(endsFont);
    m_ends->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_flow = new QComboBox(page);
    m_flow->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_flow->setMinimumContentsLength(8);
    m_flowDescription = new WrappedLabel(page);
    m_flowDescription->setWordWrap(true);
    m_subtleLabels.append(m_flowDescription);
    m_connectionLabel = new QLineEdit(page);
    m_connectionLabel->setPlaceholderText(tr("Optional text on the arrow"));

    auto *form = formLayout();
    form->addRow(tr("&Flow:"), m_flow);
    form->addRow(QString(), m_flowDescription);
    form->addRow(tr("&Label:"), m_connectionLabel);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Connection"), page));
    layout->addWidget(m_ends);
    layout->addSpacing(4);
    layout->addLayout(form);
    layout->addStretch();

    connect(m_flow, &QComboBox::currentIndexChanged, this, &InspectorPanel::editFlow);
    connect(m_connectionLabel, &QLineEdit::textEdited, this, &InspectorPanel::editConnectionLabel);
    return scrollPage(page);
}

QWidget *InspectorPanel::buildDiagramPage()
{
    auto *page = new QWidget;
    m_title = new QLineEdit(page);
    m_title->setPlaceholderText(tr("Untitled design"));
    auto *budget = new MillisecondSpinBox(page);
    budget->setRange(1, 100000);
    budget->setSingleStep(10);
    budget->setToolTip(tr("Any request path that starts at a client should finish within this "
                          "p99 budget"));
    m_budget = budget;
    auto *budgetHint = new QLabel(tr("p99 budget for request paths that start at a client."), page);
    budgetHint->setWordWrap(true);
    m_subtleLabels.append(budgetHint);
    m_diagramNotes = new QPlainTextEdit(page);
    m_diagramNotes->setPlaceholderText(tr("Requirements, scale, assumptions…"));
    m_diagramNotes->setTabChangesFocus(true);
    m_diagramNotes->setMinimumHeight(m_diagramNotes->fontMetrics().lineSpacing() * 4 + 12);

    auto *form = formLayout();
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("Latency &budget:"), m_budget);
    form->addRow(QString(), budgetHint);
    form->addRow(tr("&Notes:"), m_diagramNotes);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Diagram"), page));
    layout->addLayout(form, 1);

    connect(m_title, &QLineEdit::textEdited, this, &InspectorPanel::editTitle);
    connect(m_budget, &QDoubleSpinBox::valueChanged, this, &InspectorPanel::editBudget);
    connect(m_diagramNotes, &QPlainTextEdit::textChanged, this, &InspectorPanel::editDiagramNotes);
    return scrollPage(page);
}

QWidget *InspectorPanel::buildMultiplePage()
{
    auto *page = new QWidget;
    m_summary = new QLabel(page);
    m_summary->setWordWrap(true);
    auto *hint = new QLabel(tr("Select a single component or connection to edit it."), page);
    hint->setWordWrap(true);
    m_subtleLabels.append(hint);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Selection"), page));
    layout->addWidget(m_summary);
    layout->addWidget(hint);
    layout->addStretch();
    return scrollPage(page);
}

void InspectorPanel::setDocument(Diagram *diagram, QUndoStack *stack)
{
    if (m_diagram)
        disconnect(m_diagram, nullptr, this, nullptr);
    m_diagram = diagram;
    m_stack = stack;
    if (diagram) {
        connect(diagram, &Diagram::componentChanged, this, &InspectorPanel::componentChanged);
        connect(diagram, &Diagram::connectionChanged, this, &InspectorPanel::connectionChanged);
        connect(diagram, &Diagram::componentRemoved, this, &InspectorPanel::itemRemoved);
        connect(diagram, &Diagram::connectionRemoved, this, &InspectorPanel::itemRemoved);
        connect(diagram, &Diagram::metaChanged, this, [this] {
            if (m_page == Page::Diagram)
                refreshDiagram();
        });
        connect(diagram, &QObject::destroyed, this, [this] { setDocument(nullptr, nullptr); });
    }
    m_pages->setEnabled(diagram != nullptr);
    setSelection({}, {});
}

void InspectorPanel::setSelection(const QStringList &componentIds, const QStringList &connectionIds)
{
    m_selectedComponents.clear();
    m_selectedConnections.clear();
    if (m_diagram) {
        QSet<QString> seen; // a linear contains() per id made a 5,000-card selection quadratic
        for (const QString &id : componentIds)
            if (m_diagram->component(id) && !seen.contains(id)) {
                seen.insert(id);
                m_selectedComponents.append(id);
            }
        for (const QString &id : connectionIds)
            if (m_diagram->connection(id) && !seen.contains(id)) {
                seen.insert(id);
                m_selectedConnections.append(id);
            }
    }
    const int n = int(m_selectedComponents.size() + m_selectedConnections.size());
    if (n == 0)
        showPage(Page::Diagram);
    else if (n > 1)
        showPage(Page::Multiple);
    else if (!m_selectedComponents.isEmpty())
        showPage(Page::Component, m_selectedComponents.first());
    else
        showPage(Page::Connection, m_selectedConnections.first());
}

void InspectorPanel::showPage(Page page, const QString &id)
{
    if (page != m_page || id != m_shownId) {
        if (!m_unknownKind.isEmpty()) {
            // The extra "Unknown kind" entry belongs to the component that was shown.
            const bool was = m_refreshing;
            m_refreshing = true;
            m_kind->removeItem(0);
            m_refreshing = was;
            m_unknownKind.clear();
        }
    }
    m_page = page;
    m_shownId = id;
    m_pages->setCurrentIndex(int(page));
    refresh();
}

void InspectorPanel::refresh()
{
    switch (m_page) {
    case Page::Diagram:
        refreshDiagram();
        break;
    case Page::Component:
        refreshComponent();
        break;
    case Page::Connection:
        refreshConnection();
        break;
    case Page::Multiple:
        refreshSummary();
        break;
    }
}

void InspectorPanel::refreshComponent()
{
    const Component *c = m_diagram ? m_diagram->component(m_shownId) : nullptr;
    if (!c)
        return;
    const bool was = m_refreshing;
    m_refreshing = true;
    const KindInfo *kind = Catalog::builtin().kind(c->kind);
    if (!kind && c->kind != m_unknownKind) {
        if (!m_unknownKind.isEmpty())
            m_kind->removeItem(0);
        m_unknownKind = c->kind;
        const QColor grey(0x6B, 0x72, 0x80);
        m_kind->insertItem(0, IconCache::instance().icon(IconCache::iconFileForKind(c->kind), grey),
                           tr("Unknown kind (%1)").arg(c->kind), c->kind);
    }
    showText(m_label, c->label);
    const int kindIndex = m_kind->findData(c->kind);
    if (m_kind->currentIndex() != kindIndex)
        m_kind->setCurrentIndex(kindIndex);
    m_kindDescription->setText(
        kind ? kind->description
             : tr("This kind is not in mlsketch's catalog; perhaps the file comes from a newer "
                  "version. It is kept as it is. Pick a kind to replace it."));
    fitWrapped(m_kindDescription);
    if (m_notes->toPlainText() != c->notes)
        m_notes->setPlainText(c->notes);

    const double defaultMs = kind ? kind->latencyMs : 0;
    static_cast<MillisecondSpinBox *>(m_latency)->defaultValue = defaultMs;
    m_latency->setSpecialValueText(
        tr("Default (%1 ms)")
            .arg(locale().toString(defaultMs, 'f', QLocale::FloatingPointShortest)));
    const bool overridden = hasLatencyOverride(c->props);
    const double shown = overridden ? c->props[LatencyKey].get<double>() : NoOverride;
    if (m_latency->value() != shown)
        m_latency->setValue(shown);
    m_latencyReset->setEnabled(overridden);
    m_props->setProps(tableProps(c->props));
    m_refreshing = was;
}

void InspectorPanel::refreshConnection()
{
    const Connection *c = m_diagram ? m_diagram->connection(m_shownId) : nullptr;
    if (!c)
        return;
    const Component *from = m_diagram->component(c->from);
    const Component *to = m_diagram->component(c->to);
    if (!from || !to)
        return;
    const bool was = m_refreshing;
    m_refreshing = true;
    const Catalog &catalog = Catalog::builtin();
    const auto name = [](const Component *x) { return Catalog::builtin().displayName(*x); };
    m_ends->setText(QStringLiteral("%1 → %2").arg(name(from), name(to)));
    m_ends->setToolTip(
        QStringLiteral("%1 → %2").arg(catalog.kindLabel(from->kind), catalog.kindLabel(to->kind)));

    const QStringList valid = catalog.compatibleFlows(from->kind, to->kind);
    QStringList ids = valid;
    if (!valid.contains(c->flow))
        ids.append(c->flow);
    QStringList shown;
    for (int i = 0; i < m_flow->count(); ++i)
        shown.append(m_flow->itemData(i).toString());
    if (shown != ids) {
        m_flow->clear();
        for (const QString &id : ids) {
            const FlowType *flow = catalog.flow(id);
            QString text = catalog.flowLabel(id);
            if (!valid.contains(id))
                text = tr("%1 (not valid for these kinds)").arg(text);
            m_flow->addItem(flow ? flowIcon(*flow) : QIcon(), text, id);
        }
    }
    const int flowIndex = m_flow->findData(c->flow);
    if (m_flow->currentIndex() != flowIndex)
        m_flow->setCurrentIndex(flowIndex);
    const FlowType *flow = catalog.flow(c->flow);
    QString description = flow ? flow->description : QString();
    if (!valid.contains(c->flow)) {
        description =
            valid.isEmpty()
                ? tr("%1 cannot send anything %2 accepts.")
                      .arg(catalog.kindLabel(from->kind), catalog.kindLabel(to->kind))
                : tr("%1 → %2 can carry: %3.")
                      .arg(catalog.kindLabel(from->kind), catalog.kindLabel(to->kind), [&] {
                          QStringList labels;
                          for (const QString &id : valid)
                              labels.append(catalog.flowLabel(id));
                          return labels.join(QStringLiteral(", "));
                      }());
    }
    m_flowDescription->setText(description);
    fitWrapped(m_flowDescription);
    m_flowDescription->setVisible(!description.isEmpty());
    showText(m_connectionLabel, c->label);
    m_refreshing = was;
}

void InspectorPanel::refreshDiagram()
{
    const bool was = m_refreshing;
    m_refreshing = true;
    const Meta meta = m_diagram ? m_diagram->meta() : Meta();
    showText(m_title, meta.title);
    if (m_budget->value() != meta.latencyBudgetMs)
        m_budget->setValue(meta.latencyBudgetMs);
    if (m_diagramNotes->toPlainText() != meta.notes)
        m_diagramNotes->setPlainText(meta.notes);
    m_refreshing = was;
}

void InspectorPanel::refreshSummary()
{
    QStringList parts;
    if (!m_selectedComponents.isEmpty())
        parts.append(
            countText(int(m_selectedComponents.size()), tr("component"), tr("components")));
    if (!m_selectedConnections.isEmpty())
        parts.append(
            countText(int(m_selectedConnections.size()), tr("connection"), tr("connections")));
    m_summary->setText(tr("%1 selected").arg(parts.join(QStringLiteral(", "))));
}

void InspectorPanel::applySubtleColours()
{
    QPalette p = palette();
    const QColor text = p.color(QPalette::WindowText);
    const QColor window = p.color(QPalette::Window);
    const QColor subtle = QColor::fromRgbF(text.redF() * 0.6f + window.redF() * 0.4f,
                                           text.greenF() * 0.6f + window.greenF() * 0.4f,
                                           text.blueF() * 0.6f + window.blueF() * 0.4f);
    p.setColor(QPalette::WindowText, subtle);
    for (QLabel *label : std::as_const(m_subtleLabels))
        label->setPalette(p);
}

void InspectorPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applySubtleColours();
}

// ---- following the model ---------------------------------------------------------------

void InspectorPanel::componentChanged(const QString &id)
{
    if (m_page == Page::Component && id == m_shownId) {
        refreshComponent();
    } else if (m_page == Page::Connection && m_diagram) {
        // The ends' labels and kinds decide the heading and the valid flows.
        const Connection *c = m_diagram->connection(m_shownId);
        if (c && (c->from == id || c->to == id))
            refreshConnection();
    }
}

void InspectorPanel::connectionChanged(const QString &id)
{
    if (m_page == Page::Connection && id == m_shownId)
        refreshConnection();
}

void InspectorPanel::itemRemoved(const QString &id)
{
    if (!m_selectedComponents.contains(id) && !m_selectedConnections.contains(id))
        return;
    QStringList components = m_selectedComponents;
    QStringList connections = m_selectedConnections;
    components.removeAll(id);
    connections.removeAll(id);
    if (m_page != Page::Multiple) {
        // The shown item is gone: show the diagram rather than a stale form.
        components.clear();
        connections.clear();
    }
    setSelection(components, connections);
}

// ---- edits: one command each, merged by the undo stack -----------------------------------

void InspectorPanel::push(QUndoCommand *command)
{
    if (!command)
        return;
    if (m_stack) {
        m_stack->push(command);
    } else {
        command->redo();
        delete command;
    }
}

void InspectorPanel::editLabel(const QString &text)
{
    const Component *c = m_diagram ? m_diagram->component(m_shownId) : nullptr;
    if (m_refreshing || !c || c->label == text)
        return;
    push(EditComponentCommand::setLabel(m_diagram, m_shownId, text));
}

void InspectorPanel::editKind(int index)
{
    const Component *c = m_diagram ? m_diagram->component(m_shownId) : nullptr;
    const QString kind = m_kind->itemData(index).toString();
    if (m_refreshing || !c || kind.isEmpty() || c->kind == kind)
        return;
    // The connections stay: ones that no longer fit are flagged by the rule checker.
    push(EditComponentCommand::setKind(m_diagram, m_shownId, kind));
}

void InspectorPanel::editNotes()
{
    const Component *c = m_diagram ? m_diagram->component(m_shownId) : nullptr;
    if (m_refreshing || !c || c->notes == m_notes->toPlainText())
        return;
    push(EditComponentCommand::setNotes(m_diagram, m_shownId, m_notes->toPlainText()));
}

void InspectorPanel::editLatency(double value)
{
    const Component *c = m_diagram ? m_diagram->component(m_shownId) : nullptr;
    if (m_refreshing || !c)
        return;
    Json props = c->props.is_object() ? c->props : Json::object();
    if (value < 0)
        props.erase(LatencyKey);
    else
        props[LatencyKey] = jsonNumber(value);
    if (props != c->props)
        push(EditComponentCommand::setProps(m_diagram, m_shownId, props));
}

void InspectorPanel::resetLatency()
{
    m_latency->setValue(NoOverride);
    editLatency(NoOverride);
}

void InspectorPanel::editProps()
{
    const Component *c = m_diagram ? m_diagram->component(m_shownId) : nullptr;
    if (m_refreshing || !c)
        return;
    const Json props = withLatency(c->props, m_props->props());
    if (props != c->props)
        push(EditComponentCommand::setProps(m_diagram, m_shownId, props));
}

void InspectorPanel::editFlow(int index)
{
    const Connection *c = m_diagram ? m_diagram->connection(m_shownId) : nullptr;
    const QString flow = m_flow->itemData(index).toString();
    if (m_refreshing || !c || flow.isEmpty() || c->flow == flow)
        return;
    push(EditConnectionCommand::setFlow(m_diagram, m_shownId, flow));
}

void InspectorPanel::editConnectionLabel(const QString &text)
{
    const Connection *c = m_diagram ? m_diagram->connection(m_shownId) : nullptr;
    if (m_refreshing || !c || c->label == text)
        return;
    push(EditConnectionCommand::setLabel(m_diagram, m_shownId, text));
}

void InspectorPanel::editTitle(const QString &text)
{
    if (m_refreshing || !m_diagram || m_diagram->meta().title == text)
        return;
    Meta meta = m_diagram->meta();
    meta.title = text;
    push(new SetMetaCommand(m_diagram, meta));
}

void InspectorPanel::editBudget(double value)
{
    if (m_refreshing || !m_diagram || m_diagram->meta().latencyBudgetMs == value)
        return;
    Meta meta = m_diagram->meta();
    meta.latencyBudgetMs = value;
    push(new SetMetaCommand(m_diagram, meta));
}

void InspectorPanel::editDiagramNotes()
{
    const QString notes = m_diagramNotes->toPlainText();
    if (m_refreshing || !m_diagram || m_diagram->meta().notes == notes)
        return;
    Meta meta = m_diagram->meta();
    meta.notes = notes;
    push(new SetMetaCommand(m_diagram, meta));
}

} // namespace mls

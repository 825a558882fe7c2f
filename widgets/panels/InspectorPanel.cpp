// SPDX-License-Identifier: MIT
#include "InspectorPanel.h"

#include "ComponentPage.h"
#include "ConnectionPage.h"
#include "Diagram.h"
#include "DiagramPage.h"
#include "LatencySpinBox.h"
#include "PageScrollArea.h"
#include "SelectionPage.h"
#include "WrappedLabel.h"

#include <QSet>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace mls {

InspectorPanel::InspectorPanel(QWidget *parent)
    : QWidget(parent), m_pages(new QStackedWidget(this)), m_diagramPage(new DiagramPage),
      m_componentPage(new ComponentPage), m_connectionPage(new ConnectionPage),
      m_selectionPage(new SelectionPage)
{
    // Page order matches the Page enum.
    for (QWidget *page :
         {static_cast<QWidget *>(m_diagramPage), static_cast<QWidget *>(m_componentPage),
          static_cast<QWidget *>(m_connectionPage), static_cast<QWidget *>(m_selectionPage)})
        m_pages->addWidget(new PageScrollArea(page));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    setDocument(nullptr, nullptr);
}

QLineEdit *InspectorPanel::labelEdit() const
{
    return m_componentPage->labelEdit();
}
QComboBox *InspectorPanel::kindCombo() const
{
    return m_componentPage->kindCombo();
}
QLabel *InspectorPanel::kindDescription() const
{
    return m_componentPage->kindDescription();
}
QPlainTextEdit *InspectorPanel::notesEdit() const
{
    return m_componentPage->notesEdit();
}
QDoubleSpinBox *InspectorPanel::latencySpin() const
{
    return m_componentPage->latencySpin();
}
QToolButton *InspectorPanel::latencyResetButton() const
{
    return m_componentPage->latencyResetButton();
}
PropsTable *InspectorPanel::propsTable() const
{
    return m_componentPage->propsTable();
}
QLabel *InspectorPanel::connectionEnds() const
{
    return m_connectionPage->endsLabel();
}
QComboBox *InspectorPanel::flowCombo() const
{
    return m_connectionPage->flowCombo();
}
QLineEdit *InspectorPanel::connectionLabelEdit() const
{
    return m_connectionPage->labelEdit();
}
QLineEdit *InspectorPanel::titleEdit() const
{
    return m_diagramPage->titleEdit();
}
QDoubleSpinBox *InspectorPanel::budgetSpin() const
{
    return m_diagramPage->budgetSpin();
}
QPlainTextEdit *InspectorPanel::diagramNotesEdit() const
{
    return m_diagramPage->notesEdit();
}
QLabel *InspectorPanel::summaryLabel() const
{
    return m_selectionPage->summaryLabel();
}

void InspectorPanel::setDocument(Diagram *diagram, QUndoStack *stack)
{
    if (m_diagram)
        disconnect(m_diagram, nullptr, this, nullptr);
    m_diagram = diagram;
    for (InspectorPage *page : std::initializer_list<InspectorPage *>{
             m_diagramPage, m_componentPage, m_connectionPage, m_selectionPage})
        page->setDocument(diagram, stack);
    if (diagram) {
        connect(diagram, &Diagram::componentChanged, this, &InspectorPanel::componentChanged);
        connect(diagram, &Diagram::connectionChanged, this, &InspectorPanel::connectionChanged);
        connect(diagram, &Diagram::componentRemoved, this, &InspectorPanel::itemRemoved);
        connect(diagram, &Diagram::connectionRemoved, this, &InspectorPanel::itemRemoved);
        connect(diagram, &Diagram::metaChanged, this, [this] {
            if (m_page == Page::Diagram)
                m_diagramPage->refresh();
        });
        connect(diagram, &QObject::destroyed, this, [this] { setDocument(nullptr, nullptr); });
    }
    m_pages->setEnabled(diagram != nullptr);
    setSelection({}, {});
}

namespace {

/// The ids of @p ids that @p find knows, in order, without repeats: @p ids itself (shared, not
/// copied) when that is all of them, as it is for the board's selection. Repeats are found by
/// the element each id names, which costs no second hash of the string.
template <typename Find>
QStringList knownOnce(const QStringList &ids, const Find &find, QSet<const void *> &seen)
{
    QStringList kept;
    bool all = true;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const void *element = find(ids[i]);
        const bool keep = element && !seen.contains(element);
        if (keep)
            seen.insert(element);
        if (keep && !all)
            kept.append(ids[i]);
        else if (!keep && all) {
            all = false;
            kept = ids.mid(0, i);
        }
    }
    return all ? ids : kept;
}

} // namespace

void InspectorPanel::setSelection(const QStringList &componentIds, const QStringList &connectionIds)
{
    m_selectedComponents.clear();
    m_selectedConnections.clear();
    if (m_diagram) {
        // A linear contains() per id made a 5,000-card selection quadratic.
        QSet<const void *> seen;
        seen.reserve(componentIds.size() + connectionIds.size());
        const Diagram *d = m_diagram;
        m_selectedComponents = knownOnce(
            componentIds, [d](const QString &id) { return d->component(id); }, seen);
        m_selectedConnections = knownOnce(
            connectionIds, [d](const QString &id) { return d->connection(id); }, seen);
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
    m_page = page;
    m_shownId = id;
    m_pages->setCurrentIndex(int(page));
    switch (page) {
    case Page::Diagram:
        m_diagramPage->showElement({});
        break;
    case Page::Component:
        m_componentPage->showElement(id);
        break;
    case Page::Connection:
        m_connectionPage->showElement(id);
        break;
    case Page::Multiple:
        m_selectionPage->setCounts(int(m_selectedComponents.size()),
                                   int(m_selectedConnections.size()));
        break;
    }
}

// ---- following the model ---------------------------------------------------------------

void InspectorPanel::componentChanged(const QString &id)
{
    if (m_page == Page::Component && id == m_shownId)
        m_componentPage->refresh();
    else if (m_page == Page::Connection && m_connectionPage->showsEnd(id))
        m_connectionPage->refresh(); // the ends' labels and kinds decide the heading and flows
}

void InspectorPanel::connectionChanged(const QString &id)
{
    if (m_page == Page::Connection && id == m_shownId)
        m_connectionPage->refresh();
}

void InspectorPanel::itemRemoved(const QString &id)
{
    if (m_page == Page::Multiple)
        m_selectionShrank.request(); // setSelection() keeps only the ids the diagram still has
    else if (m_page != Page::Diagram && id == m_shownId)
        setSelection({}, {}); // the shown item is gone: the diagram rather than a stale form
}

/// A selection of several without the ids the diagram no longer has.
void InspectorPanel::dropRemoved()
{
    if (m_page == Page::Multiple) // copies: setSelection() clears the members first
        setSelection(QStringList(m_selectedComponents), QStringList(m_selectedConnections));
}

} // namespace mls

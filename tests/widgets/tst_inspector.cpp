// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "Catalog.h"
#include "Diagram.h"
#include "commands/EditComponentCommand.h"
#include "commands/RemoveItemsCommand.h"
#include "panels/InspectorPanel.h"
#include "panels/PropsTable.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <memory>

using namespace mls;
using namespace mls::test;

/// The inspector edits through commands only, and follows the model (undo included) without
/// echoing anything back onto the stack.
class TestInspector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void typingLabelPushesOneMergedCommand();
    void typingDoesNotMoveTheCursor();
    void kindChangeViaCombo();
    void kindDescriptionShownWhole_data();
    void kindDescriptionShownWhole();
    void longDescriptionPushesRowsDown_data();
    void longDescriptionPushesRowsDown();
    void kindComboListsCatalogByCategory();
    void unknownKindStaysSelectable();
    void notes();
    void latencyOverrideAddAndClear();
    void propsTableKeepsTypes();
    void propsTableAddRemoveKeepsOrder();
    void parseValue_data();
    void parseValue();
    void flowChoices_data();
    void flowChoices();
    void flowEditAndConnectionLabel();
    void metaTitleBudgetAndNotes();
    void multiSelectionSummary();
    void removingShownItemSwitchesPage();
    void refreshAfterUndoPushesNothing();
    void documentCanBeReplacedAndCleared();
};

namespace {
/// A small diagram, its undo stack and an inspector editing it.
struct Harness
{
    Diagram diagram;
    QUndoStack stack;
    std::unique_ptr<InspectorPanel> panel;

    Harness()
    {
        fillSmall(diagram);
        panel = std::make_unique<InspectorPanel>();
        panel->resize(300, 600);
        panel->setDocument(&diagram, &stack);
    }
    void selectComponent(const QString &id) { panel->setSelection({id}, {}); }
    void selectConnection(const QString &id) { panel->setSelection({}, {id}); }
    const Component &component(const QString &id) const { return *diagram.component(id); }
};

void typeInto(QWidget *w, const QString &text)
{
    QTest::keyClicks(w, text);
}
} // namespace

void TestInspector::typingLabelPushesOneMergedCommand()
{
    Harness h;
    h.selectComponent("gw");
    QCOMPARE(h.panel->page(), InspectorPanel::Page::Component);
    QCOMPARE(h.panel->labelEdit()->text(), QStringLiteral("gw"));
    h.panel->labelEdit()->selectAll();
    typeInto(h.panel->labelEdit(), "Gateway");
    QCOMPARE(h.component("gw").label, QStringLiteral("Gateway"));
    QCOMPARE(h.stack.count(), 1);
    h.stack.undo();
    QCOMPARE(h.component("gw").label, QStringLiteral("gw"));
    QCOMPARE(h.panel->labelEdit()->text(), QStringLiteral("gw"));
    h.stack.redo();
    QCOMPARE(h.panel->labelEdit()->text(), QStringLiteral("Gateway"));
}

void TestInspector::typingDoesNotMoveTheCursor()
{
    Harness h;
    h.selectComponent("rank");
    QLineEdit *edit = h.panel->labelEdit();
    edit->setCursorPosition(2);
    typeInto(edit, "XY");
    QCOMPARE(h.component("rank").label, QStringLiteral("raXYnk"));
    QCOMPARE(edit->cursorPosition(), 4);

    h.selectConnection("e1");
    typeInto(h.panel->connectionLabelEdit(), "https");
    h.panel->connectionLabelEdit()->setCursorPosition(0);
    typeInto(h.panel->connectionLabelEdit(), ">");
    QCOMPARE(h.diagram.connection("e1")->label, QStringLiteral(">https"));
    QCOMPARE(h.panel->connectionLabelEdit()->cursorPosition(), 1);
}

void TestInspector::kindChangeViaCombo()
{
    Harness h;
    h.selectComponent("gw");
    QComboBox *combo = h.panel->kindCombo();
    QCOMPARE(combo->currentData().toString(), QStringLiteral("api_gateway"));
    const int cache = combo->findData(QStringLiteral("cache"));
    QVERIFY(cache >= 0);
    combo->setCurrentIndex(cache);
    QCOMPARE(h.component("gw").kind, QStringLiteral("cache"));
    QCOMPARE(h.stack.count(), 1);
    // The connections stay even though they may no longer fit.
    QCOMPARE(h.diagram.connectionsOf("gw").size(), 2);
    QCOMPARE(h.panel->kindDescription()->text(), Catalog::builtin().kind("cache")->description);
    QCOMPARE(h.panel->latencySpin()->text(),
             QStringLiteral("Default (%1 ms)").arg(Catalog::builtin().kind("cache")->latencyMs));
    h.stack.undo();
    QCOMPARE(h.component("gw").kind, QStringLiteral("api_gateway"));
    QCOMPARE(combo->currentData().toString(), QStringLiteral("api_gateway"));
    QCOMPARE(h.panel->kindDescription()->text(),
             Catalog::builtin().kind("api_gateway")->description);
}

void TestInspector::kindDescriptionShownWhole_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("kind");
    for (const int width : {260, 300, 420}) {
        for (const char *kind : {"ranking", "candidate_generation", "cache"})
            QTest::addRow("%s at %d px", kind, width) << width << QString::fromLatin1(kind);
    }
}

/// The kind's description wraps to as many lines as it needs: none cut off at any dock width.
void TestInspector::kindDescriptionShownWhole()
{
    QFETCH(int, width);
    QFETCH(QString, kind);
    Diagram diagram;
    diagram.insertComponent(0, component("x", kind));
    QUndoStack stack;
    InspectorPanel panel;
    panel.resize(width, 600);
    panel.setDocument(&diagram, &stack);
    panel.setSelection({"x"}, {});
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QApplication::processEvents();
    QLabel *label = panel.kindDescription();
    QCOMPARE(label->text(), Catalog::builtin().kind(kind)->description);
    QVERIFY2(label->height() >= label->heightForWidth(label->width()),
             qPrintable(QStringLiteral("%1 px tall, needs %2 at %3 px wide")
                            .arg(label->height())
                            .arg(label->heightForWidth(label->width()))
                            .arg(label->width())));
}

void TestInspector::longDescriptionPushesRowsDown_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("from"); ///< kind shown first
    QTest::addColumn<QString>("to");   ///< kind picked in the combo
    for (const int width : {240, 300, 420}) {
        QTest::addRow("service at %d px", width) << width << "service"
                                                 << "service";
        QTest::addRow("cache then service at %d px", width) << width << "cache"
                                                            << "service";
        QTest::addRow("unknown kind at %d px", width) << width << "quantum_annealer"
                                                      << "quantum_annealer";
    }
}

/// A long kind description wraps and pushes the latency row down instead of running under it,
/// also when a kind with a longer description is picked while the page is shown.
void TestInspector::longDescriptionPushesRowsDown()
{
    QFETCH(int, width);
    QFETCH(QString, from);
    QFETCH(QString, to);
    Diagram diagram;
    diagram.insertComponent(0, component("x", from));
    QUndoStack stack;
    InspectorPanel panel;
    panel.resize(width, 600);
    panel.setDocument(&diagram, &stack);
    panel.setSelection({"x"}, {});
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    if (to != from)
        panel.kindCombo()->setCurrentIndex(panel.kindCombo()->findData(to));
    QApplication::processEvents();
    QCOMPARE(diagram.component("x")->kind, to);

    QLabel *description = panel.kindDescription();
    QVERIFY(description->text().size() > 100);
    QLabel *latencyLabel = nullptr;
    for (QLabel *label : panel.findChildren<QLabel *>()) {
        if (label->buddy() == panel.latencySpin())
            latencyLabel = label;
    }
    QVERIFY(latencyLabel);
    const auto rectOf = [&](QWidget *w) {
        return QRect(w->mapTo(&panel, QPoint(0, 0)), w->size());
    };
    const QRect text = rectOf(description);
    QVERIFY2(description->height() >= description->heightForWidth(description->width()),
             qPrintable(QStringLiteral("%1 px tall, needs %2")
                            .arg(description->height())
                            .arg(description->heightForWidth(description->width()))));
    for (QWidget *next :
         {static_cast<QWidget *>(latencyLabel), static_cast<QWidget *>(panel.latencySpin())}) {
        const QRect row = rectOf(next);
        QVERIFY2(!text.intersects(row) && text.bottom() < row.top(),
                 qPrintable(QStringLiteral("description %1,%2 %3x%4 vs row %5,%6 %7x%8")
                                .arg(text.x())
                                .arg(text.y())
                                .arg(text.width())
                                .arg(text.height())
                                .arg(row.x())
                                .arg(row.y())
                                .arg(row.width())
                                .arg(row.height())));
    }
}

void TestInspector::kindComboListsCatalogByCategory()
{
    Harness h;
    h.selectComponent("gw");
    QComboBox *combo = h.panel->kindCombo();
    auto *model = qobject_cast<QStandardItemModel *>(combo->model());
    QVERIFY(model);
    QStringList kinds;
    QString lastCategory;
    QStringList categoriesSeen;
    for (int i = 0; i < combo->count(); ++i) {
        const QString id = combo->itemData(i).toString();
        if (id.isEmpty()) {
            // A header: not selectable.
            QVERIFY(!(model->item(i)->flags() & Qt::ItemIsSelectable));
            continue;
        }
        QVERIFY2(!combo->itemIcon(i).isNull(), qPrintable(id));
        kinds.append(id);
        const QString category = Catalog::builtin().kind(id)->category;
        if (category != lastCategory) {
            QVERIFY2(!categoriesSeen.contains(category), "kinds of one category are together");
            categoriesSeen.append(category);
            lastCategory = category;
        }
    }
    QCOMPARE(kinds.size(), Catalog::builtin().kinds().size());
}

void TestInspector::unknownKindStaysSelectable()
{
    Harness h;
    h.diagram.insertComponent(4, component("q", "quantum_annealer"));
    h.selectComponent("q");
    QComboBox *combo = h.panel->kindCombo();
    QCOMPARE(combo->currentText(), QStringLiteral("Unknown kind (quantum_annealer)"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("trainer")));
    QCOMPARE(h.component("q").kind, QStringLiteral("trainer"));
    const int unknown = combo->findData(QStringLiteral("quantum_annealer"));
    QVERIFY(unknown >= 0);
    combo->setCurrentIndex(unknown);
    QCOMPARE(h.component("q").kind, QStringLiteral("quantum_annealer"));
    // Another component does not inherit the extra entry.
    h.selectComponent("gw");
    QCOMPARE(combo->findData(QStringLiteral("quantum_annealer")), -1);
}

void TestInspector::notes()
{
    Harness h;
    h.selectComponent("reg");
    typeInto(h.panel->notesEdit(), "MLflow");
    QCOMPARE(h.component("reg").notes, QStringLiteral("MLflow"));
    QCOMPARE(h.stack.count(), 1);
    h.stack.undo();
    QCOMPARE(h.component("reg").notes, QString());
    QCOMPARE(h.panel->notesEdit()->toPlainText(), QString());
}

void TestInspector::latencyOverrideAddAndClear()
{
    Harness h;
    h.selectComponent("rank");
    QDoubleSpinBox *spin = h.panel->latencySpin();
    const double defaultMs = Catalog::builtin().kind("ranking")->latencyMs;
    QCOMPARE(spin->text(), QStringLiteral("Default (%1 ms)").arg(defaultMs));
    QVERIFY(!h.panel->latencyResetButton()->isEnabled());

    spin->setValue(35);
    const Json &props = h.component("rank").props;
    QVERIFY(props.contains("latency_ms"));
    QVERIFY(props["latency_ms"].is_number_integer());
    QCOMPARE(props["latency_ms"].get<int>(), 35);
    QVERIFY(h.panel->latencyResetButton()->isEnabled());
    QCOMPARE(h.panel->propsTable()->table()->rowCount(), 0); // not duplicated in the table

    QTest::mouseClick(h.panel->latencyResetButton(), Qt::LeftButton);
    QVERIFY(!h.component("rank").props.contains("latency_ms"));
    QCOMPARE(spin->text(), QStringLiteral("Default (%1 ms)").arg(defaultMs));

    spin->setValue(12.5);
    QCOMPARE(h.component("rank").props["latency_ms"].get<double>(), 12.5);
    h.stack.undo();
    QVERIFY(!h.component("rank").props.contains("latency_ms"));
    QCOMPARE(spin->value(), spin->minimum());
}

void TestInspector::propsTableKeepsTypes()
{
    Harness h;
    Component c = h.component("rank");
    c.props = Json::parse(R"({"replicas": 3, "latency_ms": 20, "owner": "ml-team",
                              "zones": ["a", "b"]})");
    h.diagram.updateComponent(c);
    h.selectComponent("rank");
    QTableWidget *table = h.panel->propsTable()->table();
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("replicas"));
    QCOMPARE(table->item(2, 1)->text(), QStringLiteral("[\"a\",\"b\"]"));

    table->item(0, 1)->setText(QStringLiteral("5"));
    const Json &props = h.component("rank").props;
    QVERIFY(props["replicas"].is_number());
    QCOMPARE(props["replicas"].get<int>(), 5);
    QVERIFY(props["owner"].is_string());
    QVERIFY(props["zones"].is_array()); // untouched cells keep their JSON
    // The latency override keeps its place in the file.
    QStringList keys;
    for (auto it = props.begin(); it != props.end(); ++it)
        keys.append(toQt(it.key()));
    QCOMPARE(keys, QStringList({"replicas", "latency_ms", "owner", "zones"}));

    table->item(1, 1)->setText(QStringLiteral("true"));
    QVERIFY(h.component("rank").props["owner"].is_boolean());
    QCOMPARE(h.stack.count(), 1); // property edits merge
    h.stack.undo();
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("3"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("ml-team"));
}

void TestInspector::propsTableAddRemoveKeepsOrder()
{
    Harness h;
    Component c = h.component("gw");
    c.props = Json::parse(R"({"b": 1, "a": 2})");
    h.diagram.updateComponent(c);
    h.selectComponent("gw");
    PropsTable *props = h.panel->propsTable();
    QTableWidget *table = props->table();
    props->addButton()->click();
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(h.stack.count(), 0); // a row without a key is not a property yet
    table->item(2, 1)->setText(QStringLiteral("1.5"));
    QCOMPARE(h.stack.count(), 0);
    table->item(2, 0)->setText(QStringLiteral("gpu"));
    QCOMPARE(dumpJson(h.component("gw").props, -1), std::string(R"({"b":1,"a":2,"gpu":1.5})"));

    table->selectRow(0);
    props->removeButton()->click();
    QCOMPARE(dumpJson(h.component("gw").props, -1), std::string(R"({"a":2,"gpu":1.5})"));
    QCOMPARE(table->rowCount(), 2);
}

void TestInspector::parseValue_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("json");
    QTest::newRow("integer") << "42"
                             << "42";
    QTest::newRow("negative") << "-3"
                              << "-3";
    QTest::newRow("fraction") << "0.5"
                              << "0.5";
    QTest::newRow("exponent") << "1e3"
                              << "1000.0";
    QTest::newRow("spaces") << " 7 "
                            << "7";
    QTest::newRow("true") << "true"
                          << "true";
    QTest::newRow("false") << "false"
                           << "false";
    QTest::newRow("word") << "redis"
                          << "\"redis\"";
    QTest::newRow("number then text") << "42abc"
                                      << "\"42abc\"";
    QTest::newRow("null stays text") << "null"
                                     << "\"null\"";
    QTest::newRow("array stays text") << "[1]"
                                      << "\"[1]\"";
    QTest::newRow("empty") << ""
                           << "\"\"";
}

void TestInspector::parseValue()
{
    QFETCH(QString, text);
    QFETCH(QString, json);
    QCOMPARE(toQt(PropsTable::parseValue(text).dump()), json);
}

void TestInspector::flowChoices_data()
{
    QTest::addColumn<QString>("fromKind");
    QTest::addColumn<QString>("toKind");
    QTest::addColumn<QString>("flow");
    QTest::addColumn<QStringList>("expected"); ///< flow ids in the combo, in order
    QTest::addColumn<bool>("lastInvalid");
    QTest::newRow("one valid") << "client"
                               << "api_gateway"
                               << "requests" << QStringList{"requests"} << false;
    QTest::newRow("current invalid") << "client"
                                     << "api_gateway"
                                     << "model" << QStringList{"requests", "model"} << true;
    QTest::newRow("several valid")
        << "event_stream"
        << "stream_processor"
        << "features" << QStringList{"events", "features", "predictions"} << false;
    QTest::newRow("several, current invalid")
        << "event_stream"
        << "stream_processor"
        << "labels" << QStringList{"events", "features", "predictions", "labels"} << true;
    QTest::newRow("none valid") << "client"
                                << "trainer"
                                << "events" << QStringList{"events"} << true;
}

void TestInspector::flowChoices()
{
    QFETCH(QString, fromKind);
    QFETCH(QString, toKind);
    QFETCH(QString, flow);
    QFETCH(QStringList, expected);
    QFETCH(bool, lastInvalid);
    Diagram d;
    d.insertComponent(0, component("a", fromKind, {}, "Source"));
    d.insertComponent(1, component("b", toKind, {}, "Target"));
    d.insertConnection(0, connection("e", "a", "b", flow));
    QUndoStack stack;
    InspectorPanel panel;
    panel.setDocument(&d, &stack);
    panel.setSelection({}, {"e"});
    QCOMPARE(panel.page(), InspectorPanel::Page::Connection);
    QCOMPARE(panel.connectionEnds()->text(), QStringLiteral("Source → Target"));
    QComboBox *combo = panel.flowCombo();
    QStringList ids;
    for (int i = 0; i < combo->count(); ++i)
        ids.append(combo->itemData(i).toString());
    QCOMPARE(ids, expected);
    QCOMPARE(combo->currentData().toString(), flow);
    for (int i = 0; i < combo->count(); ++i) {
        const bool marked = combo->itemText(i).endsWith("(not valid for these kinds)");
        QCOMPARE(marked, lastInvalid && i == combo->count() - 1);
    }
    QCOMPARE(stack.count(), 0);
}

void TestInspector::flowEditAndConnectionLabel()
{
    Harness h;
    h.diagram.updateConnection([&] {
        Connection c = *h.diagram.connection("e1");
        c.flow = "model";
        return c;
    }());
    h.selectConnection("e1");
    QComboBox *combo = h.panel->flowCombo();
    QCOMPARE(combo->count(), 2);
    combo->setCurrentIndex(combo->findData(QStringLiteral("requests")));
    QCOMPARE(h.diagram.connection("e1")->flow, QStringLiteral("requests"));
    QCOMPARE(combo->count(), 1); // the invalid choice is gone once it is not current
    h.stack.undo();
    QCOMPARE(combo->count(), 2);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("model"));

    typeInto(h.panel->connectionLabelEdit(), "sync");
    QCOMPARE(h.diagram.connection("e1")->label, QStringLiteral("sync"));

    // Renaming an end updates the heading.
    h.stack.push(EditComponentCommand::setLabel(&h.diagram, "client", "Mobile app"));
    QCOMPARE(h.panel->connectionEnds()->text(), QStringLiteral("Mobile app → gw"));
}

void TestInspector::metaTitleBudgetAndNotes()
{
    Harness h;
    h.panel->setSelection({}, {});
    QCOMPARE(h.panel->page(), InspectorPanel::Page::Diagram);
    typeInto(h.panel->titleEdit(), "Video recs");
    QCOMPARE(h.diagram.meta().title, QStringLiteral("Video recs"));
    QCOMPARE(h.stack.count(), 1);

    QDoubleSpinBox *budget = h.panel->budgetSpin();
    QCOMPARE(budget->minimum(), 1.0);
    QCOMPARE(budget->maximum(), 100000.0);
    QCOMPARE(budget->value(), 200.0);
    budget->setValue(150);
    QCOMPARE(h.diagram.meta().latencyBudgetMs, 150.0);
    QCOMPARE(h.stack.count(), 2);

    typeInto(h.panel->diagramNotesEdit(), "10M DAU");
    QCOMPARE(h.diagram.meta().notes, QStringLiteral("10M DAU"));
    QCOMPARE(h.stack.count(), 3);

    h.stack.undo();
    h.stack.undo();
    QCOMPARE(h.diagram.meta().latencyBudgetMs, 200.0);
    QCOMPARE(budget->value(), 200.0);
    QCOMPARE(h.panel->diagramNotesEdit()->toPlainText(), QString());
    QCOMPARE(h.panel->titleEdit()->text(), QStringLiteral("Video recs"));
    QCOMPARE(h.stack.count(), 3);
}

void TestInspector::multiSelectionSummary()
{
    Harness h;
    h.panel->setSelection({"client", "gw", "rank"}, {"e1"});
    QCOMPARE(h.panel->page(), InspectorPanel::Page::Multiple);
    QCOMPARE(h.panel->summaryLabel()->text(),
             QStringLiteral("3 components, 1 connection selected"));
    h.panel->setSelection({}, {"e1", "e2"});
    QCOMPARE(h.panel->summaryLabel()->text(), QStringLiteral("2 connections selected"));
    // Ids the diagram does not know are ignored.
    h.panel->setSelection({"client", "nope"}, {});
    QCOMPARE(h.panel->page(), InspectorPanel::Page::Component);
    QCOMPARE(h.panel->shownId(), QStringLiteral("client"));
    // Removing one of several re-counts.
    h.panel->setSelection({"client", "reg"}, {"e3"});
    h.stack.push(new RemoveItemsCommand(&h.diagram, {}, {"e3"}));
    QCOMPARE(h.panel->summaryLabel()->text(), QStringLiteral("2 components selected"));
}

void TestInspector::removingShownItemSwitchesPage()
{
    Harness h;
    h.selectComponent("gw");
    h.stack.push(new RemoveItemsCommand(&h.diagram, {"gw"}, {}));
    QCOMPARE(h.panel->page(), InspectorPanel::Page::Diagram);
    QCOMPARE(h.panel->shownId(), QString());
    h.stack.undo();

    h.selectConnection("e3");
    h.stack.push(new RemoveItemsCommand(&h.diagram, {"reg"}, {}));
    QCOMPARE(h.panel->page(), InspectorPanel::Page::Diagram);
    h.stack.undo();
    QCOMPARE(h.panel->page(), InspectorPanel::Page::Diagram);
}

void TestInspector::refreshAfterUndoPushesNothing()
{
    Harness h;
    h.selectComponent("gw");
    typeInto(h.panel->labelEdit(), "2");
    typeInto(h.panel->notesEdit(), "n");
    h.panel->kindCombo()->setCurrentIndex(h.panel->kindCombo()->findData(QStringLiteral("cache")));
    h.panel->latencySpin()->setValue(3);
    QCOMPARE(h.stack.count(), 4);
    for (int i = 0; i < 4; ++i)
        h.stack.undo();
    QCOMPARE(h.stack.count(), 4);
    QCOMPARE(h.stack.index(), 0);
    QVERIFY(h.stack.canRedo());
    QCOMPARE(h.panel->labelEdit()->text(), QStringLiteral("gw"));
    QCOMPARE(h.panel->notesEdit()->toPlainText(), QString());
    QCOMPARE(h.panel->kindCombo()->currentData().toString(), QStringLiteral("api_gateway"));
    QCOMPARE(h.panel->latencySpin()->value(), h.panel->latencySpin()->minimum());

    // Edits from elsewhere are shown and not echoed back.
    h.stack.push(EditComponentCommand::setLabel(&h.diagram, "gw", "Edge"));
    QCOMPARE(h.stack.count(), 1);
    QCOMPARE(h.panel->labelEdit()->text(), QStringLiteral("Edge"));

    h.panel->setSelection({}, {});
    h.stack.undo();
    h.stack.redo();
    QCOMPARE(h.stack.count(), 1);
}

void TestInspector::documentCanBeReplacedAndCleared()
{
    Harness h;
    h.selectComponent("gw");
    h.panel->setDocument(nullptr, nullptr);
    QCOMPARE(h.panel->page(), InspectorPanel::Page::Diagram);
    QVERIFY(!h.panel->titleEdit()->isEnabled());
    h.panel->setSelection({"gw"}, {});
    QCOMPARE(h.panel->page(), InspectorPanel::Page::Diagram);
    // The old document no longer reaches the panel.
    h.stack.push(EditComponentCommand::setLabel(&h.diagram, "gw", "Old"));

    auto other = std::make_unique<Diagram>();
    fillSmall(*other);
    QUndoStack otherStack;
    h.panel->setDocument(other.get(), &otherStack);
    QVERIFY(h.panel->titleEdit()->isEnabled());
    h.panel->setSelection({"gw"}, {});
    QCOMPARE(h.panel->labelEdit()->text(), QStringLiteral("gw"));
    typeInto(h.panel->labelEdit(), "!");
    QCOMPARE(otherStack.count(), 1);
    QCOMPARE(h.stack.count(), 1);
    other.reset(); // a destroyed document clears the panel
    QCOMPARE(h.panel->page(), InspectorPanel::Page::Diagram);
    QVERIFY(!h.panel->titleEdit()->isEnabled());
}

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"

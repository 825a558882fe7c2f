// SPDX-License-Identifier: MIT
// The Problems dock's rows read the rule controller's findings by index instead of keeping
// copies: after any edits they must be a fresh check's, section by section and as filtered,
// and the current row must survive re-checks, also those that come while the dock is off
// screen and its rows have fallen behind.
#include "../RuleEdits.h"
#include "../TestDiagrams.h"
#include "Diagram.h"
#include "DiagramReader.h"
#include "RuleEngine.h"
#include "panels/FindingsFilter.h"
#include "panels/FindingsModel.h"
#include "panels/ProblemsPanel.h"
#include "rules/RuleController.h"

#include <QLineEdit>
#include <QRandomGenerator>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <memory>

using namespace mls;
using namespace mls::test;

using Section = FindingsModel::Section;

class TestFindingsModel : public QObject
{
    Q_OBJECT
private slots:
    void rowsAreAFreshChecks_data();
    void rowsAreAFreshChecks();
    void currentRowSurvivesOffScreenRechecks();
};

namespace {

QString line(const QString &key, const QString &text, const QString &rule, int severity, bool muted,
             const QString &title)
{
    return QStringList{key, text, rule, QString::number(severity), muted ? "muted" : "", title}
        .join(QLatin1Char('\t'));
}

/// Where a fresh check's finding belongs, said again here rather than asked of the model.
Section expectedSection(const Finding &f)
{
    if (f.waived())
        return Section::Waived;
    return f.severity() == Severity::Error     ? Section::Errors
           : f.severity() == Severity::Warning ? Section::Warnings
                                               : Section::Infos;
}

bool passes(const Finding &f, const QString &text, bool infosShown)
{
    if (f.severity() == Severity::Info && !infosShown)
        return false;
    return text.isEmpty() || f.message().contains(text, Qt::CaseInsensitive) ||
           f.rule().contains(text, Qt::CaseInsensitive) ||
           f.title().contains(text, Qt::CaseInsensitive);
}

} // namespace

void TestFindingsModel::rowsAreAFreshChecks_data()
{
    QTest::addColumn<QString>("design");
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("refreshEvery"); ///< the dock catches up after every n-th check
    QTest::addColumn<QString>("text");     ///< the filter field
    QTest::addColumn<bool>("infosShown");
    const QString video = QStringLiteral(MLS_SOURCE_DIR "/templates/video_recommendation.mlsketch");
    const QString flawed = QStringLiteral(MLS_TEST_DATA_DIR "/rules/flawed.mlsketch");
    QTest::newRow("template, every check") << video << 3u << 1 << QString() << true;
    QTest::newRow("template, falls behind") << video << 5u << 3 << QString() << true;
    QTest::newRow("flawed, text filter") << flawed << 7u << 1 << QString("mls-0") << true;
    QTest::newRow("flawed, infos hidden, behind") << flawed << 11u << 2 << QString() << false;
    QTest::newRow("template, message filter") << video << 13u << 2 << QString("model") << true;
}

void TestFindingsModel::rowsAreAFreshChecks()
{
    QFETCH(QString, design);
    QFETCH(quint32, seed);
    QFETCH(int, refreshEvery);
    QFETCH(QString, text);
    QFETCH(bool, infosShown);
    std::unique_ptr<Diagram> d = readDesign(design);
    RuleController rules;
    rules.setDocument(d.get(), nullptr);
    ProblemsPanel panel(&rules);
    panel.filterField()->setText(text);
    panel.severityFilter(Severity::Info)->setChecked(infosShown);
    FindingsModel *model = panel.findings();
    FindingsFilter *filter = panel.filter();
    QRandomGenerator rng(seed);
    for (int step = 1; step <= 80; ++step) {
        for (int e = 1 + int(rng.bounded(3)); e > 0; --e)
            randomEdit(*d, rng);
        rules.flush();
        if (step % refreshEvery != 0) {
            // Behind: a row answers with the finding it lists or with nothing, never another.
            for (int s = 0; s < FindingsModel::sectionCount; ++s) {
                const QModelIndex parent = model->sectionIndex(Section(s));
                for (int r = 0; r < model->rowCount(parent); ++r) {
                    const QString key =
                        model->index(r, 0, parent).data(FindingsModel::KeyRole).toString();
                    QVERIFY(key.isEmpty() || !FindingsModel::holdsFindings(Section(s)) ||
                            rules.indexOf(key) >= 0);
                }
            }
            continue;
        }
        panel.catchUp();
        RuleEngine fresh;
        QVector<Finding> expected = fresh.check(*d);
        RuleEngine::sort(expected);
        for (const Section s :
             {Section::Errors, Section::Warnings, Section::Infos, Section::Waived}) {
            QStringList want, wantShown, got, shown;
            for (const Finding &f : std::as_const(expected)) {
                if (expectedSection(f) != s)
                    continue;
                want << line(f.key(), f.message(), f.rule(), int(f.severity()), f.waived(),
                             f.title());
                if (passes(f, text, infosShown))
                    wantShown << want.last();
            }
            for (const FindingsModel::Row &r : model->rows(s))
                got << line(r.key, r.text, r.rule, r.severity, r.muted, r.title);
            QCOMPARE(got, want);
            QCOMPARE(model->count(s), int(want.size()));
            // What the view lists of the section, read through the filter like the view.
            const QModelIndex parent = panel.sectionIndex(s);
            QCOMPARE(parent.isValid(), !want.isEmpty());
            for (int r = 0; parent.isValid() && r < filter->rowCount(parent); ++r) {
                const QModelIndex i = filter->index(r, 0, parent);
                shown << line(i.data(FindingsModel::KeyRole).toString(), i.data().toString(),
                              i.siblingAtColumn(1).data().toString(),
                              i.data(FindingsModel::SeverityRole).toInt(), s == Section::Waived,
                              i.data(FindingsModel::TitleRole).toString());
            }
            QCOMPARE(shown, wantShown);
        }
    }
    rules.setDocument(nullptr, nullptr);
}

void TestFindingsModel::currentRowSurvivesOffScreenRechecks()
{
    std::unique_ptr<Diagram> d =
        readDesign(QStringLiteral(MLS_SOURCE_DIR "/templates/video_recommendation.mlsketch"));
    // Orphans: infos, so the list has rows below any error that comes.
    for (int i = 0; i < 12; ++i)
        d->insertComponent(int(d->components().size()),
                           component(QStringLiteral("m%1").arg(i), "monitoring"));
    RuleController rules;
    rules.setDocument(d.get(), nullptr);
    ProblemsPanel panel(&rules); // never shown: every re-check leaves it behind
    const QVector<FindingsModel::Row> infos = panel.findings()->rows(Section::Infos);
    QVERIFY(infos.size() >= 12);
    const QString key = infos[infos.size() - 3].key;
    QVERIFY(panel.selectFinding(key));
    QCOMPARE(panel.currentKey(), key);

    // Edits that add rows above it (an orphan trainer's error) and rename around it.
    d->insertComponent(0, component("t", "trainer"));
    Component renamed = *d->component("m0");
    renamed.label = "renamed";
    d->updateComponent(renamed);
    rules.flush();
    QCOMPARE(panel.currentKey(), key); // behind, it still knows which finding is current
    panel.catchUp();
    QCOMPARE(panel.currentKey(), key);
    const QModelIndex current = panel.tree()->currentIndex();
    QCOMPARE(current.data(FindingsModel::KeyRole).toString(), key);
    QCOMPARE(panel.indexOfKey(key), current);
    QVERIFY(panel.details()->toPlainText().contains(rules.finding(key)->title()));

    // The finding goes (its component is removed): no current row, nothing stale kept.
    const QString subject = rules.finding(key)->components().constFirst();
    d->takeComponent(subject);
    rules.flush();
    QVERIFY(panel.currentKey().isEmpty());
    panel.catchUp();
    QVERIFY(panel.currentKey().isEmpty());
    QVERIFY(!panel.tree()->currentIndex().isValid());
    QVERIFY(!panel.indexOfKey(key).isValid());
    rules.setDocument(nullptr, nullptr);
}

QTEST_MAIN(TestFindingsModel)
#include "tst_findings_model.moc"

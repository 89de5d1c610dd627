package dev.accountconsole.sandbox;

import dev.accountconsole.sandbox.store.AccountStore;
import dev.accountconsole.sandbox.store.NewAccount;
import dev.accountconsole.sandbox.store.UniqueViolation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generated demo accounts: Chinese and English names, mainland mobiles with and without the
 * {@code 86} location code and foreign numbers with theirs, some with email, login name or avatar,
 * some frozen. Account {@code i} is always the same (apart from its random identityId), so a load
 * generator can compute the phone of any seeded account with {@link #phone(int)}.
 *
 * <p>Phones are unique by construction: a prefix that differs per kind, then nine digits from a
 * bijection of {@code i}. Login names and emails carry {@code i}.
 */
public final class DemoData {
    private static final long SEED = 0x5A4D_B0C5L;
    private static final int BATCH = 2_000;
    private static final long TWO_YEARS_MILLIS = 2L * 365 * 24 * 3600 * 1000;

    private static final String[][] CHINESE_SURNAMES = {
        {"王", "wang"}, {"李", "li"}, {"张", "zhang"}, {"刘", "liu"}, {"陈", "chen"}, {"杨", "yang"},
        {"黄", "huang"}, {"赵", "zhao"}, {"吴", "wu"}, {"周", "zhou"}, {"徐", "xu"}, {"孙", "sun"},
        {"马", "ma"}, {"朱", "zhu"}, {"胡", "hu"}, {"郭", "guo"}, {"何", "he"}, {"林", "lin"},
        {"罗", "luo"}, {"郑", "zheng"}, {"欧阳", "ouyang"}, {"司马", "sima"}};
    private static final String[][] CHINESE_GIVEN = {
        {"伟", "wei"}, {"芳", "fang"}, {"娜", "na"}, {"秀英", "xiuying"}, {"敏", "min"}, {"静", "jing"},
        {"丽", "li"}, {"强", "qiang"}, {"磊", "lei"}, {"军", "jun"}, {"洋", "yang"}, {"勇", "yong"},
        {"艳", "yan"}, {"杰", "jie"}, {"娟", "juan"}, {"涛", "tao"}, {"明", "ming"}, {"超", "chao"},
        {"霞", "xia"}, {"婷", "ting"}, {"浩然", "haoran"}, {"子涵", "zihan"}, {"欣怡", "xinyi"},
        {"梓轩", "zixuan"}, {"一诺", "yinuo"}, {"思远", "siyuan"}};
    private static final String[] ENGLISH_GIVEN = {
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Olivia", "Liam", "Emma", "Noah", "Ava", "Sophia", "Chloé", "José"};
    private static final String[] ENGLISH_FAMILY = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Wilson", "Taylor",
        "Anderson", "Thomas", "O'Brien", "Müller"};
    private static final String[] MAINLAND_PREFIXES = {"13", "15", "17", "18", "19"};
    /** Location code and the first digit of a ten-digit national number; first digits differ per country. */
    private static final String[][] FOREIGN = {{"1", "2"}, {"44", "7"}, {"81", "9"}, {"61", "4"}};
    private static final String[] DOMAINS = {"example.com", "example.cn", "example.net", "example.org"};
    private static final String[] CREATERS = {"demo", "张经理", "Ops Team", "系统导入"};

    private DemoData() {
    }

    /** The phone of demo account {@code i}: every demo account has one. */
    public static String phone(int i) {
        return account(i, "", 0).phone();
    }

    /** Inserts {@code count} demo accounts, in batches of one transaction each. */
    static void seed(AccountStore store, int count, String appKey, Clock clock) {
        long now = clock.millis();
        try {
            store.bulkLoad(() -> {
                List<NewAccount> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < count; i++) {
                    batch.add(account(i, appKey, now));
                    if (batch.size() == BATCH || i == count - 1) {
                        store.insertAll(batch);
                        batch.clear();
                    }
                }
            });
        } catch (UniqueViolation e) {
            throw new IllegalStateException("demo data collided with itself: " + e.getMessage(), e);
        }
    }

    static NewAccount account(int i, String appKey, long now) {
        SplittableRandom r = new SplittableRandom(SEED ^ (i * 0x9E3779B97F4A7C15L));
        String nine = String.format(Locale.ROOT, "%09d", Math.floorMod(i * 7_919L + 104_729L, 1_000_000_000L));
        String phone;
        String locationCode;
        if (r.nextInt(10) < 8) {
            phone = MAINLAND_PREFIXES[r.nextInt(MAINLAND_PREFIXES.length)] + nine;
            locationCode = r.nextBoolean() ? "86" : null;
        } else {
            String[] country = FOREIGN[r.nextInt(FOREIGN.length)];
            phone = country[1] + nine;
            locationCode = country[0];
        }
        String nickName;
        String handle;
        if (r.nextInt(10) < 6) {
            String[] surname = CHINESE_SURNAMES[r.nextInt(CHINESE_SURNAMES.length)];
            String[] given = CHINESE_GIVEN[r.nextInt(CHINESE_GIVEN.length)];
            nickName = surname[0] + given[0];
            handle = surname[1] + "." + given[1];
        } else {
            String given = ENGLISH_GIVEN[r.nextInt(ENGLISH_GIVEN.length)];
            String family = ENGLISH_FAMILY[r.nextInt(ENGLISH_FAMILY.length)];
            nickName = given + " " + family;
            handle = ascii(given + "." + family);
        }
        String loginName = r.nextInt(10) < 7 ? handle + i : null;
        String email = r.nextInt(10) < 6 ? handle + "." + i + "@" + DOMAINS[r.nextInt(DOMAINS.length)] : null;
        String avatarUrl = r.nextInt(100) < 35
                ? "https://avatars.example.com/u/" + Integer.toHexString(i * 2_654_435 + 17) + ".png" : null;
        boolean frozen = r.nextInt(100) < 7;
        long created = now - (long) (r.nextDouble() * TWO_YEARS_MILLIS);
        return new NewAccount(Ids.newIdentityId(), loginName, phone, locationCode, email,
                r.nextInt(10) < 9 ? nickName : null, null, avatarUrl, CREATERS[r.nextInt(CREATERS.length)],
                appKey, frozen, created);
    }

    private static String ascii(String s) {
        return s.toLowerCase(Locale.ROOT).replace("é", "e").replace("ü", "ue").replace("'", "");
    }
}

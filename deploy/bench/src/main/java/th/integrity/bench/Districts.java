package th.integrity.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bangkok's 50 district offices (สำนักงานเขต), the agencies of the city-wide roll-up benchmark. Codes follow the
 * ones the system already uses ({@code wangthonglang}, {@code huaikhwang}): the romanised name, lower case, no
 * spaces.
 */
final class Districts {

    record District(String code, String nameTh, String nameEn) {
    }

    static final List<District> ALL = List.of(
            district("phranakhon", "พระนคร", "Phra Nakhon"),
            district("dusit", "ดุสิต", "Dusit"),
            district("nongchok", "หนองจอก", "Nong Chok"),
            district("bangrak", "บางรัก", "Bang Rak"),
            district("bangkhen", "บางเขน", "Bang Khen"),
            district("bangkapi", "บางกะปิ", "Bang Kapi"),
            district("pathumwan", "ปทุมวัน", "Pathum Wan"),
            district("pomprapsattruphai", "ป้อมปราบศัตรูพ่าย", "Pom Prap Sattru Phai"),
            district("phrakhanong", "พระโขนง", "Phra Khanong"),
            district("minburi", "มีนบุรี", "Min Buri"),
            district("latkrabang", "ลาดกระบัง", "Lat Krabang"),
            district("yannawa", "ยานนาวา", "Yan Nawa"),
            district("samphanthawong", "สัมพันธวงศ์", "Samphanthawong"),
            district("phayathai", "พญาไท", "Phaya Thai"),
            district("thonburi", "ธนบุรี", "Thon Buri"),
            district("bangkokyai", "บางกอกใหญ่", "Bangkok Yai"),
            district("huaikhwang", "ห้วยขวาง", "Huai Khwang"),
            district("khlongsan", "คลองสาน", "Khlong San"),
            district("talingchan", "ตลิ่งชัน", "Taling Chan"),
            district("bangkoknoi", "บางกอกน้อย", "Bangkok Noi"),
            district("bangkhunthian", "บางขุนเทียน", "Bang Khun Thian"),
            district("phasicharoen", "ภาษีเจริญ", "Phasi Charoen"),
            district("nongkhaem", "หนองแขม", "Nong Khaem"),
            district("ratburana", "ราษฎร์บูรณะ", "Rat Burana"),
            district("bangphlat", "บางพลัด", "Bang Phlat"),
            district("dindaeng", "ดินแดง", "Din Daeng"),
            district("buengkum", "บึงกุ่ม", "Bueng Kum"),
            district("sathon", "สาทร", "Sathon"),
            district("bangsue", "บางซื่อ", "Bang Sue"),
            district("chatuchak", "จตุจักร", "Chatuchak"),
            district("bangkholaem", "บางคอแหลม", "Bang Kho Laem"),
            district("prawet", "ประเวศ", "Prawet"),
            district("khlongtoei", "คลองเตย", "Khlong Toei"),
            district("suanluang", "สวนหลวง", "Suan Luang"),
            district("chomthong", "จอมทอง", "Chom Thong"),
            district("donmueang", "ดอนเมือง", "Don Mueang"),
            district("ratchathewi", "ราชเทวี", "Ratchathewi"),
            district("latphrao", "ลาดพร้าว", "Lat Phrao"),
            district("watthana", "วัฒนา", "Watthana"),
            district("bangkhae", "บางแค", "Bang Khae"),
            district("laksi", "หลักสี่", "Lak Si"),
            district("saimai", "สายไหม", "Sai Mai"),
            district("khannayao", "คันนายาว", "Khan Na Yao"),
            district("saphansung", "สะพานสูง", "Saphan Sung"),
            district("wangthonglang", "วังทองหลาง", "Wang Thonglang"),
            district("khlongsamwa", "คลองสามวา", "Khlong Sam Wa"),
            district("bangna", "บางนา", "Bang Na"),
            district("thawiwatthana", "ทวีวัฒนา", "Thawi Watthana"),
            district("thungkhru", "ทุ่งครุ", "Thung Khru"),
            district("bangbon", "บางบอน", "Bang Bon"));

    private Districts() {
    }

    private static District district(String code, String th, String en) {
        return new District(code, "สำนักงานเขต" + th, en + " District Office");
    }

    static boolean contains(String code) {
        return ALL.stream().anyMatch(d -> d.code().equals(code));
    }

    /**
     * stats-service's {@code integrity.stats.agencies} list as environment variables (Spring's relaxed binding:
     * {@code name-th} becomes {@code NAMETH}). A list from the environment replaces the one in application.yml
     * as a whole, which is why every district is named here.
     */
    static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < ALL.size(); i++) {
            District d = ALL.get(i);
            String prefix = "INTEGRITY_STATS_AGENCIES_" + i + "_";
            env.put(prefix + "CODE", d.code());
            env.put(prefix + "NAMETH", d.nameTh());
            env.put(prefix + "NAMEEN", d.nameEn());
        }
        return env;
    }
}

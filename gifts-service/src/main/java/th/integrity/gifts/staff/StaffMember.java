package th.integrity.gifts.staff;

/**
 * A staff member as declarations and registers name them.
 *
 * @param subject  the token's {@code sub}: the stable key of the person in this service
 * @param username the token's {@code preferred_username} (the directory's key)
 * @param name     full name with title
 * @param position position (ตำแหน่ง), or null when neither the directory nor the token has one
 * @param division division code (ฝ่าย), or null likewise
 */
public record StaffMember(String subject, String username, String name, String position, String division) {
}
